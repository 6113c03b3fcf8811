// Frame and gauge primitives every card is built from.

import { fitText, repeatChar, textWidth, truncateText } from './text.util';

interface FrameGlyphs {
  readonly topLeft: string;
  readonly topRight: string;
  readonly bottomLeft: string;
  readonly bottomRight: string;
  readonly horizontal: string;
  readonly vertical: string;
}

const SINGLE_FRAME: FrameGlyphs = {
  topLeft: '┌',
  topRight: '┐',
  bottomLeft: '└',
  bottomRight: '┘',
  horizontal: '─',
  vertical: '│',
};

// The double frame is reserved for states an operator must not miss (a blocked
// line), so it is visible even when the output is pasted without colour.
const DOUBLE_FRAME: FrameGlyphs = {
  topLeft: '╔',
  topRight: '╗',
  bottomLeft: '╚',
  bottomRight: '╝',
  horizontal: '═',
  vertical: '║',
};

const PARTIAL_BLOCKS = ' ▏▎▍▌▋▊▉';

export function stateDot(state: string): string {
  return `● ${state.toUpperCase()}`;
}

function frame(lines: readonly string[], title: string, width: number, glyphs: FrameGlyphs): string {
  const inner = width - 2;
  // A title longer than the top border would make that one line wider than the
  // card; cutting it keeps the "every line is exactly `width`" promise.
  const maxTitle = Math.max(0, inner - 3);
  const shownTitle = textWidth(title) > maxTitle ? truncateText(title, maxTitle, '…') : title;
  const top =
    `${glyphs.topLeft}${glyphs.horizontal} ${shownTitle} ` +
    repeatChar(glyphs.horizontal, inner - textWidth(shownTitle) - 3) +
    glyphs.topRight;
  // Callers sometimes hand over a pre-rendered block; splitting keeps its rows
  // inside the frame instead of collapsing them into one.
  const body = lines
    .flatMap((line) => line.split(/\r?\n/))
    .map((line) => `${glyphs.vertical} ${fitText(line, inner - 2)} ${glyphs.vertical}`);
  const bottom = glyphs.bottomLeft + repeatChar(glyphs.horizontal, inner) + glyphs.bottomRight;
  return [top, ...body, bottom].join('\n');
}

/** Single-line box; every output line is exactly `width` code points. */
export function box(lines: readonly string[], title: string, width = 62): string {
  return frame(lines, title, width, SINGLE_FRAME);
}

/** Same geometry as {@link box} with `╔═╗║╚╝`. */
export function doubleBox(lines: readonly string[], title: string, width = 62): string {
  return frame(lines, title, width, DOUBLE_FRAME);
}

/**
 * `[███▍░░░]` gauge. Eighth-blocks give 8× the resolution of whole cells, which
 * is what lets an operator tell 41 % from 44 % on a 26-cell bar. A missing or
 * non-positive total means "unlimited" and draws a flat `[────]`.
 */
export function progressBar(used: number, total: number | null | undefined, width = 26): string {
  if (total == null || !(total > 0)) return `[${repeatChar('─', width)}]`;
  const rawRatio = used / total;
  const ratio = Number.isFinite(rawRatio) ? Math.min(1, Math.max(0, rawRatio)) : 0;
  const exact = ratio * width;
  const full = Math.floor(exact);
  const partialIndex = Math.floor((exact - full) * 8);
  if (partialIndex > 0 && full < width) {
    return `[${repeatChar('█', full)}${PARTIAL_BLOCKS.charAt(partialIndex)}${repeatChar('░', width - full - 1)}]`;
  }
  return `[${repeatChar('█', full)}${repeatChar('░', width - full)}]`;
}

/** `── Title (N) ─────` section header used inside cards; 60 columns unless the label is long. */
export function sectionRule(label: string, width = 60): string {
  return `── ${label} ${repeatChar('─', Math.max(2, width - textWidth(label) - 4))}`;
}
