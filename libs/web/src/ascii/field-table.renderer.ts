// Two-column field/value table with a heavy header, the look `bss promo show`
// has in the product page, for records that are read field by field.

import { centerText, padTextEnd, repeatChar, textWidth } from './text.util';

export type FieldRow = readonly [field: string, value: string];

export interface FieldTableOptions {
  headers?: readonly [string, string];
}

export function renderFieldTable(title: string, rows: readonly FieldRow[], options: FieldTableOptions = {}): string {
  const headers = options.headers ?? (['field', 'value'] as const);
  const all: readonly (readonly [string, string])[] = [headers, ...rows];
  // One blank column each side of the text, as in the product-page sample.
  const widths = [0, 1].map((col) => Math.max(...all.map((row) => textWidth(row[col] ?? ''))) + 2);
  const [left = 0, right = 0] = widths;
  const rule = (l: string, fill: string, mid: string, r: string): string =>
    `${l}${repeatChar(fill, left)}${mid}${repeatChar(fill, right)}${r}`;
  const cells = (row: readonly [string, string], edge: string): string =>
    `${edge} ${padTextEnd(row[0], left - 2)} ${edge} ${padTextEnd(row[1], right - 2)} ${edge}`;
  const tableWidth = left + right + 3;

  const lines = [
    ...(title ? [centerText(title, tableWidth).trimEnd()] : []),
    rule('┏', '━', '┳', '┓'),
    cells(headers, '┃'),
    rule('┡', '━', '╇', '┩'),
    ...rows.map((row) => cells(row, '│')),
    rule('└', '─', '┴', '┘'),
  ];
  return lines.join('\n');
}
