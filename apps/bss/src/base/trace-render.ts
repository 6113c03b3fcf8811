import { Flags } from '@oclif/core';
import type { AggregateTraceView, TraceView } from '@bss/audit';
import { renderSwimlane, textWidth, truncateText } from '@bss/web';

/** Without a terminal (pipes, CI) traces are laid out this wide. */
export const DEFAULT_TRACE_WIDTH = 140;
/** Narrower than this and lanes stop being readable. */
const MIN_TRACE_WIDTH = 40;
const LANE_ORDER = ['COM', 'SOM', 'INV', 'PROV', 'SUB', 'PAY', 'JOB'] as const;
/** The swimlane's offset column (`+12.345s`) and the gap after each column. */
const OFFSET_WIDTH = 9;
const GAP_WIDTH = 2;

export const widthFlag = Flags.integer({ description: `Columns to fit the trace into (default: the terminal's width, else ${DEFAULT_TRACE_WIDTH})`, min: MIN_TRACE_WIDTH });

/** The terminal's width when there is one; `--width` wins. */
export function traceWidth(flag: number | undefined): number {
  return flag ?? (process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : DEFAULT_TRACE_WIDTH);
}

/** Below this a lane column cannot hold a readable label; the trace is listed one entry per line instead. */
const MIN_LANE_WIDTH = 14;

/**
 * A trace as swimlanes, one column per service, every line at most `width` columns wide; too
 * many services for the width and it becomes a list (offset, service, entry), which always fits.
 */
export function renderTrace(trace: TraceView | AggregateTraceView, width: number): string {
  const head = [
    `Trace ${trace.traceId}`,
    `${trace.durationMs}ms  ·  ${trace.entries.length} entries  ·  ${trace.services.length} services  ·  ${trace.errors} errors`,
  ];
  if ('aggregateId' in trace) head.unshift(`Newest trace of ${trace.aggregateId}`);
  const lanes = trace.services.length || 1;
  const laneWidth = Math.floor((width - OFFSET_WIDTH - GAP_WIDTH * lanes) / lanes);
  const body =
    laneWidth >= MIN_LANE_WIDTH
      ? renderSwimlane(
          trace.entries.map((e) => ({ lane: e.service, at: new Date(e.at), label: e.label, error: e.error })),
          { lanes: LANE_ORDER, maxLaneWidth: laneWidth },
        )
      : renderTraceList(trace);
  const tail =
    'otherTraceIds' in trace && trace.otherTraceIds.length > 0
      ? ['', 'Older traces (bss trace get <id>):', ...trace.otherTraceIds.map((id) => `  ${id}`)]
      : [];
  return [...head, '', ...body.split('\n'), ...tail].map((line) => (textWidth(line) > width ? truncateText(line, width, '…') : line)).join('\n');
}

function renderTraceList(trace: TraceView): string {
  const serviceWidth = Math.max(...trace.entries.map((e) => e.service.length), 'service'.length);
  return trace.entries
    .map((e) => `${`+${(e.offsetMs / 1000).toFixed(3)}s`.padStart(OFFSET_WIDTH)}  ${e.service.padEnd(serviceWidth)}  ${e.error ? '✗' : '●'} ${e.label}`)
    .join('\n');
}
