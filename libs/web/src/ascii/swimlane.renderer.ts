// Order timeline as swimlanes: one column per component (COM, SOM, PROV …),
// one row per event in time order, so hand-offs between contexts read left to
// right and delays show up in the offset column. No ANSI colour: the output is
// also stored as a cockpit tool row and fed to the LLM, where escapes are noise.

import { padTextEnd, padTextStart, repeatChar, textWidth, truncateText } from './text.util';

export interface SwimlaneEvent {
  lane: string;
  at: Date;
  label: string;
  error?: boolean;
}

export interface SwimlaneOptions {
  /** Column order; lanes not listed follow in order of first appearance. */
  lanes?: readonly string[];
  /** Widest a lane column may grow before labels are cut with `…`. */
  maxLaneWidth?: number;
}

/** Order of the activation flow, so the usual hand-offs read left to right. */
export const DEFAULT_SWIMLANES = ['COM', 'SOM', 'PROV', 'SUB', 'PAY', 'JOB'] as const;

const GAP = '  ';
const LANE_LINE = '│';

function laneOrder(events: readonly SwimlaneEvent[], preferred: readonly string[]): string[] {
  const present = new Set(events.map((event) => event.lane));
  const ordered = preferred.filter((lane) => present.has(lane));
  for (const event of events) if (!ordered.includes(event.lane)) ordered.push(event.lane);
  return ordered;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function offsetLabel(at: Date, start: number): string {
  const ms = at.getTime() - start;
  return Number.isNaN(ms) ? '+?' : `+${(ms / 1000).toFixed(3)}s`;
}

export function renderSwimlane(events: readonly SwimlaneEvent[], options: SwimlaneOptions = {}): string {
  if (events.length === 0) return '(no events)';
  const maxLaneWidth = options.maxLaneWidth ?? 24;
  // Stable sort keeps same-millisecond events in emission order; undated ones go last.
  const sortKey = (event: SwimlaneEvent): number => {
    const time = event.at.getTime();
    return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
  };
  const sorted = [...events].sort((a, b) => sortKey(a) - sortKey(b) || 0);
  const lanes = laneOrder(sorted, options.lanes ?? DEFAULT_SWIMLANES);
  const start = sorted[0]?.at.getTime() ?? Number.NaN;
  const dated = sorted.filter((event) => !Number.isNaN(event.at.getTime()));
  const spanMs = dated.length > 0 ? (dated[dated.length - 1]?.at.getTime() ?? start) - start : 0;
  const errors = sorted.filter((event) => event.error).length;

  // `✗` rather than colour marks failures, so they survive copy/paste and plain logs.
  const cellText = (event: SwimlaneEvent): string => `${event.error ? '✗' : '●'} ${event.label}`;
  const widths = lanes.map((lane) =>
    Math.min(
      maxLaneWidth,
      Math.max(
        textWidth(lane),
        ...sorted.filter((event) => event.lane === lane).map((event) => textWidth(cellText(event))),
      ),
    ),
  );
  const offsets = sorted.map((event) => offsetLabel(event.at, start));
  const offsetWidth = Math.max(textWidth('offset'), ...offsets.map(textWidth));

  const row = (offset: string, cells: readonly string[]): string =>
    [offset, ...cells.map((cell, col) => padTextEnd(truncateText(cell, widths[col] ?? 0, '…'), widths[col] ?? 0))]
      .join(GAP)
      .trimEnd();

  const lines = [
    `Timeline  ·  ${count(sorted.length, 'event')}  ·  ${(spanMs / 1000).toFixed(3)}s  ·  ` +
      `${count(lanes.length, 'lane')}  ·  ${count(errors, 'error')}`,
    '',
    row(padTextEnd('offset', offsetWidth), lanes),
    row(repeatChar('─', offsetWidth), widths.map((width) => repeatChar('─', width))),
    ...sorted.map((event, index) =>
      row(
        padTextStart(offsets[index] ?? '', offsetWidth),
        lanes.map((lane) => (lane === event.lane ? cellText(event) : LANE_LINE)),
      ),
    ),
  ];
  return lines.join('\n');
}
