import { relative } from 'node:path';
import type { ScenarioReport } from './scenario-runner';

/** The pass/fail table of a run: one row per scenario with its time, then each failure with its file:line. */
export function renderScenarioTable(reports: readonly ScenarioReport[], cwd = process.cwd()): string {
  const nameWidth = Math.max(8, ...reports.map((r) => r.name.length));
  const rows = reports.map((r) => {
    const steps = `${r.steps.filter((s) => s.ok).length}/${r.steps.length}`;
    return `${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(nameWidth)}  ${steps.padStart(5)}  ${formatMs(r.ms).padStart(8)}`;
  });
  const failed = reports.filter((r) => !r.ok);
  const total = reports.reduce((sum, r) => sum + r.ms, 0);
  const lines = [
    `RESULT  ${'SCENARIO'.padEnd(nameWidth)}  STEPS      TIME`,
    '─'.repeat(nameWidth + 27),
    ...rows,
    '─'.repeat(nameWidth + 27),
    `${reports.length - failed.length} passed, ${failed.length} failed, ${reports.length} total in ${formatMs(total)}`,
  ];
  if (failed.length) {
    lines.push('', 'Failures:');
    for (const r of failed) lines.push(`  ${r.name}: ${(r.failure ?? 'failed').replace(r.file, relative(cwd, r.file))}`);
  }
  return lines.join('\n');
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
