import { isUnlimited } from '@bss/platform';

// Value formatting shared by the renderers. Everything here is a pure function
// of its arguments so cards stay snapshot-stable.

/** Timestamps arrive either as ISO strings off the wire or as `Date`s from a query. */
export type Instant = string | Date;

// MSISDN grouping and allowance wording come from the one line formatter the portal and the emails use.
export { formatAllowance, formatMsisdn } from '@bss/platform';

export const ALLOWANCE_TYPES = ['data', 'voice', 'sms', 'data_roaming'] as const;
export type AllowanceType = (typeof ALLOWANCE_TYPES)[number];

export function groupIccid(iccid: string | null | undefined): string {
  const value = (iccid ?? '').replace(/\s+/g, '');
  return value.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** `aaa bb rest` — MCC / MNC / MSIN, the way an operator reads an IMSI aloud. */
export function splitImsi(imsi: string): string {
  if (imsi.length < 5) return imsi;
  return `${imsi.slice(0, 3)} ${imsi.slice(3, 5)} ${imsi.slice(5)}`.trim();
}

/** Last four visible, the rest as `•`: cards are screenshotted and pasted into tickets. */
export function redactToLast4(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 4) return value;
  return '•'.repeat(chars.length - 4) + chars.slice(-4).join('');
}

export function instantToIso(value: Instant): string {
  if (typeof value === 'string') return value;
  return Number.isNaN(value.getTime()) ? '' : value.toISOString();
}

export function instantMillis(value: Instant | null | undefined): number {
  if (value == null) return Number.NaN;
  return typeof value === 'string' ? Date.parse(value) : value.getTime();
}

/** `YYYY-MM-DD`, or `—` when unknown. */
export function formatDay(value: Instant | null | undefined): string {
  if (value == null) return '—';
  return instantToIso(value).slice(0, 10) || '—';
}

/** `YYYY-MM-DD HH:MM`, or `—` when unknown. */
export function formatMinute(value: Instant | null | undefined): string {
  if (value == null) return '—';
  return instantToIso(value).slice(0, 16).replace('T', ' ') || '—';
}

/** `YYYY-MM-DD HH:MM:SS`, or `—` when unknown. */
export function formatSecond(value: Instant | null | undefined): string {
  if (value == null) return '—';
  return instantToIso(value).slice(0, 19).replace('T', ' ') || '—';
}

/** Like Python's `%g` for the magnitudes we see: 30 not 30.00, 1.5 not 1.50. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

export function isUnlimitedQuantity(quantity: number | string | null | undefined): boolean {
  return quantity == null || isUnlimited(quantity);
}

/** Money is carried as a decimal string ("25.00") so it is shown as given, never re-rounded. */
export function formatMoney(amount: string | number | null | undefined): string {
  if (amount == null || amount === '') return '—';
  return typeof amount === 'number' ? amount.toFixed(2) : amount;
}

export const DEFAULT_LPA = 'LPA:1$smdp.bss-cli.local$UNKNOWN';

/** A bare SM-DP+ activation code is turned into the `LPA:1$…` string a phone expects. */
export function toLpaString(activationCode: string | null | undefined): string {
  const code = (activationCode ?? '').trim();
  if (!code) return DEFAULT_LPA;
  return code.startsWith('LPA:') ? code : `LPA:1$${code}`;
}
