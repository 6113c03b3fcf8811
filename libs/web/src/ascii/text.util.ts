// Width helpers for the ASCII renderers.
//
// The renderers count width in Unicode code points, not UTF-16 units, so that
// glyphs such as `●`, `★`, `⚠` or a surrogate-pair emoji in a customer name
// occupy one column and a card never comes out a column short. East-Asian wide
// characters are deliberately not special-cased: the CLI spec defines width in
// code points, and how wide such a glyph really draws depends on the terminal.

// C0/C1 control characters. A newline inside a customer-supplied subject would
// break a box row in two, and an ESC would let stored text drive the operator's
// terminal, so every helper below swaps them for a space before measuring.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

export function sanitizeText(text: string): string {
  return text.replace(CONTROL_CHARS, ' ');
}

export function codePoints(text: string): string[] {
  return Array.from(sanitizeText(text));
}

export function textWidth(text: string): number {
  return codePoints(text).length;
}

export function repeatChar(char: string, count: number): string {
  return count > 0 ? char.repeat(count) : '';
}

/** Cuts to `width` code points; `ellipsis` (if any) replaces the last kept ones. */
export function truncateText(text: string, width: number, ellipsis = ''): string {
  const chars = codePoints(text);
  if (chars.length <= width) return chars.join('');
  if (width <= 0) return '';
  const marker = Array.from(ellipsis);
  if (marker.length >= width) return chars.slice(0, width).join('');
  return chars.slice(0, width - marker.length).join('') + marker.join('');
}

/** Pads on the right; never truncates (like Python's `str.ljust`). */
export function padTextEnd(text: string, width: number, fill = ' '): string {
  const clean = sanitizeText(text);
  return clean + repeatChar(fill, width - textWidth(clean));
}

/** Pads on the left; never truncates (like Python's `str.rjust`). */
export function padTextStart(text: string, width: number, fill = ' '): string {
  const clean = sanitizeText(text);
  return repeatChar(fill, width - textWidth(clean)) + clean;
}

/** Exactly `width` code points: truncated, then right-padded. */
export function fitText(text: string, width: number, ellipsis = ''): string {
  return padTextEnd(truncateText(text, width, ellipsis), width);
}

/** Centres within `width`; an odd leftover column goes on the right. */
export function centerText(text: string, width: number, fill = ' '): string {
  const clean = sanitizeText(text);
  const gap = width - textWidth(clean);
  if (gap <= 0) return clean;
  const left = Math.floor(gap / 2);
  return repeatChar(fill, left) + clean + repeatChar(fill, gap - left);
}
