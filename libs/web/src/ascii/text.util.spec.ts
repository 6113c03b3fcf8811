import { centerText, fitText, padTextEnd, padTextStart, sanitizeText, textWidth, truncateText } from './text.util';

describe('text width helpers', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(textWidth('●★⚠')).toBe(3);
    expect(textWidth('a😀b')).toBe(3);
  });

  it('pads and truncates by code point', () => {
    expect(padTextEnd('😀', 3)).toBe('😀  ');
    expect(padTextStart('●', 3)).toBe('  ●');
    expect(truncateText('😀😀😀', 2)).toBe('😀😀');
    expect(truncateText('abcdef', 4, '…')).toBe('abc…');
    expect(fitText('abcdef', 4)).toBe('abcd');
    expect(fitText('ab', 4)).toBe('ab  ');
  });

  it('never truncates in padEnd/padStart', () => {
    expect(padTextEnd('abcdef', 3)).toBe('abcdef');
    expect(padTextStart('abcdef', 3)).toBe('abcdef');
  });

  it('replaces control characters so stored text cannot break a row or drive the terminal', () => {
    expect(sanitizeText('a\nb\u001b[31mc')).toBe('a b [31mc');
    expect(textWidth('a\tb')).toBe(3);
  });

  it('centres with the odd column on the right', () => {
    expect(centerText('ab', 5, '-')).toBe('-ab--');
    expect(centerText('abcdef', 3)).toBe('abcdef');
  });
});
