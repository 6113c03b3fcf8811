import { box, doubleBox, progressBar, sectionRule, stateDot } from './box.renderer';

const widths = (text: string): number[] => text.split('\n').map((line) => Array.from(line).length);

describe('stateDot', () => {
  it('prefixes a dot and upper-cases the state', () => {
    expect(stateDot('active')).toBe('● ACTIVE');
  });
});

describe('progressBar', () => {
  it('uses an eighth-block for the fractional cell (2.1 of 5.0)', () => {
    expect(progressBar(2.1, 5.0)).toBe(`[${'█'.repeat(10)}▉${'░'.repeat(15)}]`);
  });

  it('draws a flat bar when the total is unknown or not positive', () => {
    expect(progressBar(1, null)).toBe(`[${'─'.repeat(26)}]`);
    expect(progressBar(1, undefined)).toBe(`[${'─'.repeat(26)}]`);
    expect(progressBar(1, 0)).toBe(`[${'─'.repeat(26)}]`);
    expect(progressBar(1, -1)).toBe(`[${'─'.repeat(26)}]`);
  });

  it('clamps to empty and full', () => {
    expect(progressBar(-3, 10, 4)).toBe('[░░░░]');
    expect(progressBar(0, 10, 4)).toBe('[░░░░]');
    expect(progressBar(10, 10, 4)).toBe('[████]');
    expect(progressBar(99, 10, 4)).toBe('[████]');
  });

  it('always draws width cells between the brackets', () => {
    for (let used = 0; used <= 50; used += 1) {
      expect(Array.from(progressBar(used, 50, 26))).toHaveLength(28);
    }
  });
});

describe('box and doubleBox', () => {
  it('frames lines at exactly the requested width, cutting long rows and titles', () => {
    const out = box(['short', 'x'.repeat(100), 'two\nrows'], 'A title that is far too long for a tiny box', 24);
    expect(new Set(widths(out))).toEqual(new Set([24]));
    expect(out).toMatchSnapshot();
  });

  it('uses the double-line glyphs for doubleBox', () => {
    const out = doubleBox(['hello'], 'Blocked', 20);
    const lines = out.split('\n');
    expect(lines[0]?.startsWith('╔═ Blocked ')).toBe(true);
    expect(lines[1]).toBe('║ hello            ║');
    expect(lines[2]).toBe(`╚${'═'.repeat(18)}╝`);
  });
});

describe('sectionRule', () => {
  it('is 60 columns for ordinary labels', () => {
    expect(sectionRule('Bundle')).toBe(`── Bundle ${'─'.repeat(50)}`);
    expect(Array.from(sectionRule('Open Cases (3)'))).toHaveLength(60);
  });
});
