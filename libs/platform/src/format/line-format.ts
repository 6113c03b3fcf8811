// One way to show a line to a person: the portal views, the CLI cards and the emails all format
// numbers, allowances, renewal countdowns and internal terms through these functions.
// It lives in the platform kernel (not libs/web) because the contexts that send email
// (type:context) may import platform but not web (style.md §6); libs/web re-exports it.

const DAY_MS = 86_400_000;
const MB_PER_GB = 1024;

/** The quantity a bucket stores for "no limit". */
export const UNLIMITED_QUANTITY = -1;

/**
 * `9000 0001` for the 8-digit national format, `+65 9000 0001` with the country code; anything
 * else (ported-in numbers, partial search input) is shown untouched rather than mangled.
 */
export function formatMsisdn(msisdn: string | null | undefined): string {
  const value = (msisdn ?? '').trim();
  const national = /^(?:\+?65)?(\d{4})(\d{4})$/.exec(value);
  if (!national) return value;
  const grouped = `${national[1]} ${national[2]}`;
  return value.length > 8 ? `+65 ${grouped}` : grouped;
}

export function isUnlimited(quantity: number | string | null | undefined): boolean {
  return quantity === UNLIMITED_QUANTITY || quantity === '-1' || quantity === 'unlimited';
}

/** Up to one decimal, none when it would be `.0`: 31, 30.5, 1.2. */
function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

type UnitKind = 'data' | 'minutes' | 'sms' | 'other';

function unitKind(unit: string): UnitKind {
  const u = unit.trim().toLowerCase();
  if (u === 'mb' || u === 'megabytes') return 'data';
  if (u === 'min' || u === 'mins' || u === 'minute' || u === 'minutes') return 'minutes';
  if (u === 'sms' || u === 'count') return 'sms';
  return 'other';
}

/** Megabytes as people read them: `500 MB`, `1.5 GB`, `31 GB` (never `31744.0 MB`). */
export function formatData(mb: number): string {
  if (isUnlimited(mb)) return 'Unlimited';
  const value = Math.max(0, mb);
  if (value >= MB_PER_GB) return `${oneDecimal(value / MB_PER_GB)} GB`;
  return `${Math.round(value)} MB`;
}

/**
 * One allowance quantity in its unit: `31 GB`, `250 MB`, `100 min`, `50 SMS`, `Unlimited`.
 * `unit` is the catalog's stored unit (`mb`, `minutes`, `count`, `sms`).
 */
export function formatQuantity(quantity: number | string | null | undefined, unit: string): string {
  if (quantity == null || isUnlimited(quantity)) return 'Unlimited';
  const amount = typeof quantity === 'number' ? quantity : Number(quantity);
  if (Number.isNaN(amount)) return String(quantity);
  switch (unitKind(unit)) {
    case 'data':
      return formatData(amount);
    case 'minutes':
      return `${Math.round(amount)} min`;
    case 'sms':
      return `${Math.round(amount)} SMS`;
    default:
      return `${oneDecimal(amount)} ${unit}`.trim();
  }
}

/** What a plan includes: like formatQuantity, but a zero bucket reads `Not included`. */
export function formatAllowance(quantity: number | string | null | undefined, unit: string): string {
  if (quantity != null && !isUnlimited(quantity) && Number(quantity) === 0) return 'Not included';
  return formatQuantity(quantity, unit);
}

/** The customer-facing name of each allowance bucket. */
export const ALLOWANCE_LABELS: Readonly<Record<string, string>> = { data: 'Data', voice: 'Voice', sms: 'SMS', data_roaming: 'Roaming' };

export function allowanceLabel(allowanceType: string): string {
  return ALLOWANCE_LABELS[allowanceType] ?? allowanceType.replace(/_/g, ' ');
}

/** `SGD 25.00`. Money arrives as a decimal string and is only padded to 2 dp, never re-rounded through a float. */
export function formatPrice(amount: string | number | null | undefined, currency = 'SGD'): string {
  if (amount == null || amount === '') return '—';
  const text = typeof amount === 'number' ? amount.toFixed(2) : /^-?\d+$/.test(amount) ? `${amount}.00` : /^-?\d+\.\d$/.test(amount) ? `${amount}0` : amount;
  return `${currency} ${text}`;
}

/**
 * Whole days from `now` until `at`, rounded up: a renewal 3 hours away is "in 1 day", one already
 * past is negative (overdue). The portal, the CLI card and the reminder email all count this way.
 */
export function daysUntil(at: Date | string, now: Date): number {
  const ms = (typeof at === 'string' ? Date.parse(at) : at.getTime()) - now.getTime();
  const days = ms >= 0 ? Math.ceil(ms / DAY_MS) : -Math.ceil(-ms / DAY_MS);
  return days === 0 ? 0 : days;
}

/** `today`, `in 1 day`, `in 12 days`, `overdue by 2 days`. */
export function renewalCountdown(days: number): string {
  if (days === 0) return 'today';
  const n = Math.abs(days);
  const unit = n === 1 ? 'day' : 'days';
  return days > 0 ? `in ${n} ${unit}` : `overdue by ${n} ${unit}`;
}

/** Why a charge was made, in words a customer uses (the stored values are internal). */
export const CHARGE_PURPOSE_LABELS: Readonly<Record<string, string>> = { activation: 'New line', renewal: 'Plan renewal', vas: 'Top-up' };

export function chargePurposeLabel(purpose: string): string {
  return CHARGE_PURPOSE_LABELS[purpose] ?? 'Charge';
}

export const CHARGE_STATUS_LABELS: Readonly<Record<string, string>> = { approved: 'Paid', declined: 'Declined', errored: 'Failed', pending: 'Processing' };

export function chargeStatusLabel(status: string): string {
  return CHARGE_STATUS_LABELS[status] ?? status;
}

/** A data add-on / top-up, as a customer reads its kind. */
export function topUpLabel(allowanceType: string): string {
  return allowanceType === 'data' || allowanceType === 'data_roaming' ? 'Data add-on' : 'Top-up';
}
