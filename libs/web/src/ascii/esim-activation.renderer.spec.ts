import * as QRCode from 'qrcode';
import { renderEsimActivation, renderQrBlock } from './esim-activation.renderer';

const widths = (text: string): number[] => text.split('\n').map((line) => Array.from(line).length);

const activation = {
  iccid: '8965012345678901234',
  imsi: '525011234567890',
  msisdn: '91234567',
  activationCode: 'smdp.bss-cli.local$K2-ABCD-1234',
  status: 'prepared',
};

/** Reads the half-block rendering back into a module grid (true = dark). */
function parseQr(lines: readonly string[]): boolean[][] {
  const grid: boolean[][] = [];
  for (const line of lines) {
    const chars = Array.from(line);
    grid.push(chars.map((char) => char === '█' || char === '▀'));
    grid.push(chars.map((char) => char === '█' || char === '▄'));
  }
  return grid;
}

describe('renderEsimActivation', () => {
  it('draws every line exactly 64 wide, redacted and full', () => {
    expect(new Set(widths(renderEsimActivation(activation)))).toEqual(new Set([64]));
    expect(new Set(widths(renderEsimActivation(activation, { showFull: true })))).toEqual(new Set([64]));
    expect(new Set(widths(renderEsimActivation({})))).toEqual(new Set([64]));
  });

  it('redacts ICCID and IMSI to the last four by default and hints at --show-full', () => {
    const out = renderEsimActivation(activation);
    expect(out).toContain(`  ICCID    ${'•'.repeat(15)}1234`);
    expect(out).toContain(`  IMSI     ${'•'.repeat(11)}7890`);
    expect(out).not.toContain('8965012345678901234');
    expect(out).toContain('--show-full');
  });

  it('shows grouped identifiers with showFull', () => {
    const out = renderEsimActivation(activation, { showFull: true });
    expect(out).toContain('  ICCID    8965 0123 4567 8901 234');
    expect(out).toContain('  IMSI     525 01 1234567890');
    expect(out).not.toContain('--show-full');
  });

  it('prefixes LPA:1$ to a bare code and keeps a full one as is', () => {
    expect(renderEsimActivation(activation)).toContain('  LPA:1$smdp.bss-cli.local$K2-ABCD-1234');
    expect(renderEsimActivation({ ...activation, activationCode: 'LPA:1$x.example$Y' })).not.toContain('LPA:1$LPA:');
    expect(renderEsimActivation({})).toContain('LPA:1$smdp.bss-cli.local$UNKNOWN');
  });

  it('uses ● for live profiles and ○ for retired ones', () => {
    expect(renderEsimActivation(activation).split('\n')[0]).toContain('eSIM Activation  ● PREPARED');
    expect(renderEsimActivation({ ...activation, status: 'recycled' }).split('\n')[0]).toContain('○ RECYCLED');
  });

  it('draws a QR that reads back to exactly the encoder modules, with a light border', () => {
    const lpa = 'LPA:1$smdp.bss-cli.local$K2-ABCD-1234';
    const block = renderQrBlock(lpa);
    const modules = QRCode.create(lpa, { errorCorrectionLevel: 'M' }).modules;
    const span = modules.size + 2;
    const grid = parseQr(block);
    expect(block.every((line) => Array.from(line).length === span)).toBe(true);
    expect(grid.length).toBe(span % 2 === 0 ? span : span + 1);
    for (let r = 0; r < grid.length; r += 1) {
      for (let c = 0; c < span; c += 1) {
        const inside = r >= 1 && c >= 1 && r <= modules.size && c <= modules.size;
        const expected = inside ? modules.get(r - 1, c - 1) === 1 : false;
        expect(grid[r]?.[c]).toBe(expected);
      }
    }
    // Finder pattern corners are what a scanner locks onto: dark 7×7 rings at three corners.
    for (const [top, left] of [
      [1, 1],
      [1, modules.size - 6],
      [modules.size - 6, 1],
    ] as const) {
      for (let i = 0; i < 7; i += 1) {
        expect(grid[top]?.[left + i]).toBe(true);
        expect(grid[top + 6]?.[left + i]).toBe(true);
        expect(grid[top + i]?.[left]).toBe(true);
        expect(grid[top + i]?.[left + 6]).toBe(true);
      }
    }
  });

  it('centres the QR inside the card', () => {
    const out = renderEsimActivation(activation).split('\n');
    const block = renderQrBlock('LPA:1$smdp.bss-cli.local$K2-ABCD-1234');
    // The QR starts two rows below the scan hint (hint, blank, QR).
    const first = out.findIndex((line) => line.includes('Scan with your device camera')) + 2;
    const qrLines = out.slice(first, first + block.length);
    expect(out[first + block.length]).toBe(`│${' '.repeat(62)}│`);
    const left = Math.floor((62 - Array.from(block[0] ?? '').length) / 2);
    expect(qrLines[0]).toBe(`│${' '.repeat(left)}${block[0]}${' '.repeat(62 - left - Array.from(block[0] ?? '').length)}│`);
  });

  it('matches the snapshots', () => {
    expect(renderEsimActivation(activation)).toMatchSnapshot('redacted');
    expect(renderEsimActivation(activation, { showFull: true })).toMatchSnapshot('full');
  });
});
