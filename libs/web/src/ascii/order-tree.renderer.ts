// Order card: the commercial order and its COM → SOM → provisioning decomposition,
// so an operator can see which task a stuck activation is waiting on.

import { box } from './box.renderer';
import { formatSecond, instantMillis, type Instant } from './format.util';
import { padTextEnd, padTextStart, textWidth } from './text.util';

export const ORDER_TREE_WIDTH = 86;

export interface OrderTreeTask {
  id: string;
  taskType: string;
  state: string;
  attempts?: number | null;
  startedAt?: Instant | null;
  completedAt?: Instant | null;
}

export interface OrderTreeRfs {
  id: string;
  name: string;
  state: string;
  tasks: readonly OrderTreeTask[];
}

export interface OrderTreeCfs {
  id: string;
  name: string;
  state: string;
  rfs: readonly OrderTreeRfs[];
}

export interface OrderTreeServiceOrder {
  id: string;
  state: string;
  cfs: readonly OrderTreeCfs[];
}

export interface OrderTreeInput {
  id: string;
  state: string;
  customerId: string;
  /** Offering of the first order item; shown in the title. */
  offeringId?: string | null;
  placedAt?: Instant | null;
  completedAt?: Instant | null;
  serviceOrders: readonly OrderTreeServiceOrder[];
  /** Known once COM has handed the order to Subscription. */
  subscriptionId?: string | null;
}

// States that need an operator: the ⚠ column is what the eye scans for.
const TROUBLE_STATES: ReadonlySet<string> = new Set(['failed', 'stuck', 'errored', 'canceled', 'cancelled']);
// Label text is padded to this column so states line up at every tree depth.
const LABEL_COLUMN = 44;
const STATE_COLUMN = 12;

function isTrouble(state: string): boolean {
  return TROUBLE_STATES.has(state.toLowerCase());
}

function treeRow(prefix: string, label: string, state: string): string {
  const text = `${prefix}${label}`;
  // At least one space even when a long name runs past the column, so the
  // state never fuses with the label.
  const padded = textWidth(text) < LABEL_COLUMN ? padTextEnd(text, LABEL_COLUMN) : `${text} `;
  return `${padded}${isTrouble(state) ? '⚠ ' : '  '}${padTextStart(state.toLowerCase(), STATE_COLUMN)}`;
}

function secondsBetween(start: Instant | null | undefined, end: Instant | null | undefined): number | null {
  const ms = instantMillis(end) - instantMillis(start);
  return Number.isNaN(ms) ? null : ms / 1000;
}

function taskSuffix(task: OrderTreeTask): string {
  let suffix = '';
  const seconds = secondsBetween(task.startedAt, task.completedAt);
  if (seconds !== null) suffix += `  (${seconds.toFixed(1)}s)`;
  if ((task.attempts ?? 1) > 1) suffix += `  ${task.attempts} attempts`;
  return suffix;
}

function branch(isLast: boolean): { glyph: string; indent: string } {
  return isLast ? { glyph: '└─ ', indent: '   ' } : { glyph: '├─ ', indent: '│  ' };
}

function serviceOrderRows(serviceOrders: readonly OrderTreeServiceOrder[]): string[] {
  const rows: string[] = [];
  serviceOrders.forEach((so, soIndex) => {
    const soBranch = branch(soIndex === serviceOrders.length - 1);
    rows.push(treeRow(soBranch.glyph, `Service Order ${so.id}`, so.state));
    if (so.cfs.length === 0) {
      rows.push(`${soBranch.indent}(no services attached)`);
      return;
    }
    so.cfs.forEach((cfs, cfsIndex) => {
      const cfsBranch = branch(cfsIndex === so.cfs.length - 1);
      const cfsPrefix = soBranch.indent;
      rows.push(treeRow(cfsPrefix + cfsBranch.glyph, `CFS ${cfs.id}  ${cfs.name}`.trimEnd(), cfs.state));
      cfs.rfs.forEach((rfs, rfsIndex) => {
        const rfsBranch = branch(rfsIndex === cfs.rfs.length - 1);
        const rfsPrefix = cfsPrefix + cfsBranch.indent;
        rows.push(treeRow(rfsPrefix + rfsBranch.glyph, `RFS ${rfs.id}  ${rfs.name}`.trimEnd(), rfs.state));
        rfs.tasks.forEach((task, taskIndex) => {
          const taskBranch = branch(taskIndex === rfs.tasks.length - 1);
          const taskPrefix = rfsPrefix + rfsBranch.indent + taskBranch.glyph;
          rows.push(treeRow(taskPrefix, `${task.id}  ${task.taskType}`, task.state) + taskSuffix(task));
        });
      });
    });
  });
  return rows;
}

function summaryLine(input: OrderTreeInput): string {
  const tasks = input.serviceOrders.flatMap((so) => so.cfs.flatMap((cfs) => cfs.rfs.flatMap((rfs) => rfs.tasks)));
  const failed = tasks.filter((task) => isTrouble(task.state)).length;
  const total = secondsBetween(input.placedAt, input.completedAt);
  const elapsed = total === null ? '' : `  total ${total.toFixed(1)}s`;
  return `Summary: ${input.serviceOrders.length} SO · ${tasks.length} tasks · ${failed} failed${elapsed}`;
}

export function renderOrderTree(input: OrderTreeInput): string {
  const lines = [
    `Customer:  ${input.customerId}`,
    `Placed:    ${formatSecond(input.placedAt)}`,
    `Completed: ${formatSecond(input.completedAt)}`,
    '',
    treeRow('', `Order ${input.id}`, input.state),
    ...serviceOrderRows(input.serviceOrders),
  ];
  if (input.subscriptionId) lines.push('', `→ Subscription ${input.subscriptionId} activated`);
  lines.push('', summaryLine(input));
  return box(lines, `${input.id}  ${input.offeringId || '—'}`, ORDER_TREE_WIDTH);
}
