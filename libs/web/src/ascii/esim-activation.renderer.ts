// eSIM activation card: identifiers plus a scannable QR of the LPA string, so a
// CSR can hand a customer their profile from a terminal.

import type * as QRCodeModule from 'qrcode';
import { formatMsisdn, groupIccid, redactToLast4, splitImsi, toLpaString } from './format.util';
import { fitText, repeatChar, textWidth, truncateText } from './text.util';

export const ESIM_CARD_WIDTH = 64;

export interface EsimActivationInput {
  iccid?: string | null;
  imsi?: string | null;
  msisdn?: string | null;
  /** Either a full `LPA:1$…` string or the bare `<smdp>$<matching id>` code. */
  activationCode?: string | null;
  status?: string | null;
}

export interface EsimActivationOptions {
  showFull?: boolean;
}

const INNER = ESIM_CARD_WIDTH - 2;
// Profiles that can still be (or have been) installed get a filled dot; dead ones a hollow one.
const LIVE_STATUSES: ReadonlySet<string> = new Set(['prepared', 'downloaded', 'activated']);

function row(text = ''): string {
  return `│${fitText(text, INNER)}│`;
}

/**
 * QR modules as text, two module rows per line (`█▀▄ `), so a version-3 code
 * fits in ~16 terminal rows instead of ~31. A one-module light border is the
 * minimum most phone cameras accept once the card's own blank space is added.
 */
export function renderQrBlock(text: string): string[] {
  // Loaded on first use: every `bss` call imports the renderers, few draw a QR code.
  const qr = (require('qrcode') as typeof QRCodeModule).create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const border = 1;
  const span = size + border * 2;
  const dark = (r: number, c: number): boolean => {
    const moduleRow = r - border;
    const moduleCol = c - border;
    if (moduleRow < 0 || moduleCol < 0 || moduleRow >= size || moduleCol >= size) return false;
    return qr.modules.get(moduleRow, moduleCol) === 1;
  };
  // Odd heights get a trailing light row so every line pairs two module rows.
  const height = span % 2 === 0 ? span : span + 1;
  const lines: string[] = [];
  for (let r = 0; r < height; r += 2) {
    let line = '';
    for (let c = 0; c < span; c += 1) {
      const top = dark(r, c);
      const bottom = r + 1 < span && dark(r + 1, c);
      line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ';
    }
    lines.push(line);
  }
  return lines;
}

function qrRows(lpa: string): string[] {
  let block: string[];
  try {
    block = renderQrBlock(lpa);
  } catch {
    // qrcode throws when the payload exceeds the largest symbol; the LPA line
    // below still lets the customer type the code in.
    return [row('  (code too long for a QR — enter it manually)')];
  }
  const qrWidth = textWidth(block[0] ?? '');
  const padLeft = Math.max(2, Math.floor((INNER - qrWidth) / 2));
  // Truncating a QR would corrupt it silently; better to say it does not fit.
  if (padLeft + qrWidth > INNER) return [row('  (QR too large for this card — enter the code manually)')];
  return block.map((line) => row(repeatChar(' ', padLeft) + line));
}

// The reference cut the LPA at one row; a truncated code cannot be typed in,
// so long codes wrap onto further rows instead.
function lpaRows(lpa: string): string[] {
  const chars = Array.from(lpa);
  const chunk = INNER - 4;
  const rows: string[] = [];
  for (let start = 0; start < chars.length; start += chunk) {
    rows.push(row(`  ${chars.slice(start, start + chunk).join('')}`));
  }
  return rows;
}

function statusLabel(status: string): string {
  return `${LIVE_STATUSES.has(status) ? '●' : '○'} ${status.toUpperCase()}`;
}

export function renderEsimActivation(input: EsimActivationInput, options: EsimActivationOptions = {}): string {
  const showFull = options.showFull ?? false;
  const iccid = input.iccid || '—';
  const imsi = input.imsi || '—';
  const status = (input.status || 'prepared').toLowerCase();
  const lpa = toLpaString(input.activationCode);

  const iccidShown = iccid === '—' ? iccid : showFull ? groupIccid(iccid) : redactToLast4(iccid);
  const imsiShown = imsi === '—' ? imsi : showFull ? splitImsi(imsi) : redactToLast4(imsi);

  const title = truncateText(`eSIM Activation  ${statusLabel(status)}`, INNER - 3);
  const lines = [
    `┌─ ${title} ${repeatChar('─', INNER - textWidth(title) - 3)}┐`,
    row(),
    row(`  ICCID    ${iccidShown}`),
    row(`  IMSI     ${imsiShown}`),
    row(`  MSISDN   ${formatMsisdn(input.msisdn) || '—'}`),
    row(),
    row('  Scan with your device camera:'),
    row(),
    ...qrRows(lpa),
    row(),
    row('  Or enter the LPA code manually:'),
    ...lpaRows(lpa),
  ];
  if (!showFull) lines.push(row(), row('  (use --show-full to reveal full ICCID + IMSI)'));
  lines.push(`└${repeatChar('─', INNER)}┘`);
  return lines.join('\n');
}
