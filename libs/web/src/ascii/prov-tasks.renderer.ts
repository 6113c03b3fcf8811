// Provisioning task table for `bss prov tasks`: flat and greppable, no frame,
// because operators pipe it through grep/awk while chasing a stuck activation.

import { padTextEnd, repeatChar, textWidth } from './text.util';

export interface ProvTaskRow {
  id: string;
  serviceId: string;
  taskType: string;
  state: string;
  attempts: number;
  maxAttempts: number;
}

function formatRow(id: string, service: string, taskType: string, state: string, attempts: string): string {
  // Columns pad but never cut: a truncated id cannot be pasted into `prov retry`.
  return `${padTextEnd(id, 8)} ${padTextEnd(service, 10)} ${padTextEnd(taskType, 22)} ${padTextEnd(state, 12)} ${attempts}`;
}

export function renderProvTasks(tasks: readonly ProvTaskRow[]): string {
  if (tasks.length === 0) return '(no tasks)';
  const header = formatRow('ID', 'SERVICE', 'TASK_TYPE', 'STATE', 'ATTEMPTS');
  return [
    header,
    repeatChar('-', textWidth(header)),
    ...tasks.map((task) =>
      formatRow(task.id, task.serviceId, task.taskType, task.state, `${task.attempts}/${task.maxAttempts}`),
    ),
  ].join('\n');
}
