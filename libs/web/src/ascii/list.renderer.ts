// Plain column lists (customers, orders, MSISDNs …): a rule with the title, a
// header, an underline and rows. Unframed so long lists scroll cleanly.

import { formatMinute, formatMsisdn, formatSecond, type Instant } from './format.util';
import { padTextEnd, repeatChar, textWidth, truncateText } from './text.util';

export interface ListColumn<Row> {
  header: string;
  value: (row: Row) => string;
  /** Cells longer than this are cut with `…`; unset means the widest cell wins. */
  maxWidth?: number;
}

export interface ListOptions {
  /** Rows beyond this are summarised as `(+ N more)`. */
  limit?: number;
  /** Extra line under the rows, e.g. where to get a total. */
  footer?: string;
}

const GAP = '  ';

export function renderList<Row>(
  title: string,
  columns: readonly ListColumn<Row>[],
  rows: readonly Row[],
  options: ListOptions = {},
): string {
  const limit = options.limit ?? rows.length;
  const shown = rows.slice(0, Math.max(0, limit));
  const cells = shown.map((row) =>
    columns.map((column) => {
      const text = column.value(row);
      return column.maxWidth === undefined ? text : truncateText(text, column.maxWidth, '…');
    }),
  );
  const widths = columns.map((column, col) =>
    Math.max(textWidth(column.header), ...cells.map((line) => textWidth(line[col] ?? ''))),
  );
  const tableWidth = widths.reduce((sum, width) => sum + width, 0) + GAP.length * Math.max(0, widths.length - 1);
  // Last column is not padded so rows carry no trailing blanks into copy/paste.
  const formatRow = (line: readonly string[]): string =>
    line.map((cell, col) => padTextEnd(cell, widths[col] ?? 0)).join(GAP).trimEnd();

  const out = [`── ${title} ${repeatChar('─', Math.max(2, tableWidth - textWidth(title) - 4))}`, ''];
  if (rows.length === 0) {
    out.push('(none)');
  } else {
    out.push(formatRow(columns.map((column) => column.header)), repeatChar('─', tableWidth), ...cells.map(formatRow));
    if (rows.length > shown.length) out.push(`(+ ${rows.length - shown.length} more)`);
  }
  if (options.footer) out.push(options.footer);
  return out.join('\n');
}

export interface CustomerListItem {
  id: string;
  name: string;
  status: string;
  email?: string | null;
}

export function renderCustomerList(customers: readonly CustomerListItem[]): string {
  return renderList<CustomerListItem>(
    'Customers',
    [
      { header: 'ID', value: (c) => c.id },
      { header: 'Name', value: (c) => c.name, maxWidth: 30 },
      { header: 'Status', value: (c) => c.status },
      { header: 'Email', value: (c) => c.email || '—' },
    ],
    customers,
    { limit: 25 },
  );
}

export interface OrderListItem {
  id: string;
  state: string;
  customerId: string;
  placedAt?: Instant | null;
}

export function renderOrderList(orders: readonly OrderListItem[]): string {
  return renderList<OrderListItem>(
    'Orders',
    [
      { header: 'ID', value: (o) => o.id },
      { header: 'State', value: (o) => o.state },
      { header: 'Customer', value: (o) => o.customerId },
      { header: 'Placed', value: (o) => formatSecond(o.placedAt) },
    ],
    orders,
    { limit: 25 },
  );
}

export interface MsisdnListItem {
  msisdn: string;
  status: string;
  subscriptionId?: string | null;
  reservedAt?: Instant | null;
}

export function renderMsisdnList(msisdns: readonly MsisdnListItem[]): string {
  return renderList<MsisdnListItem>(
    'MSISDNs',
    [
      { header: 'MSISDN', value: (m) => formatMsisdn(m.msisdn) },
      { header: 'Status', value: (m) => m.status },
      { header: 'Subscription', value: (m) => m.subscriptionId || '—' },
      { header: 'Reserved at', value: (m) => (m.reservedAt ? formatMinute(m.reservedAt) : '—') },
    ],
    msisdns,
    // A page of the pool, not the pool: point at the tool that counts it.
    { limit: 50, footer: 'Showing at most 50 — use inventory.msisdn.count for pool totals.' },
  );
}
