// Subscription card: bundle gauges, state and renewal countdown for one line.

import { daysUntil, formatQuantity, isUnlimited, renewalCountdown } from '@bss/platform';
import { box, doubleBox, progressBar, sectionRule, stateDot } from './box.renderer';
import {
  formatAllowance,
  formatMinute,
  formatDay,
  formatMoney,
  formatMsisdn,
  groupIccid,
  instantMillis,
  instantToIso,
  toLpaString,
  type AllowanceType,
  type Instant,
} from './format.util';
import { padTextEnd, padTextStart, truncateText } from './text.util';

export const SUBSCRIPTION_CARD_WIDTH = 78;

export interface SubscriptionBalance {
  allowanceType: AllowanceType;
  /** −1 means unlimited. */
  total: number;
  consumed: number;
  remaining: number;
  unit: string;
}

export interface SubscriptionVasPurchase {
  vasOfferingId: string;
  appliedAt: Instant;
  allowanceAdded?: number | null;
  unit?: string | null;
  priceAmount?: string | null;
  currency?: string | null;
}

export interface SubscriptionEsim {
  iccid: string;
  imsi?: string | null;
  activationCode?: string | null;
}

export interface SubscriptionCardInput {
  id: string;
  customerId: string;
  customerName?: string | null;
  msisdn: string;
  offeringId: string;
  offeringName?: string | null;
  /** Monthly price as a decimal string, e.g. "25.00". */
  priceAmount?: string | null;
  currency?: string | null;
  state: string;
  activatedAt?: Instant | null;
  nextRenewalAt?: Instant | null;
  balances: readonly SubscriptionBalance[];
  /** Newest first. */
  vasPurchases?: readonly SubscriptionVasPurchase[];
  esim?: SubscriptionEsim | null;
}

export interface SubscriptionCardOptions {
  /** The caller's clock; the renderer never reads the wall clock so cards are reproducible. */
  now: Date;
  showEsim?: boolean;
}

const VAS_HISTORY_LIMIT = 5;

// Fixed labels so the four gauges line up; `data_roaming` would otherwise be
// wider than the 7-column label slot and push its bar out of line.
const BALANCE_LABELS: Readonly<Record<AllowanceType, string>> = {
  data: 'Data',
  voice: 'Voice',
  sms: 'SMS',
  data_roaming: 'Roaming',
};

function balanceLine(balance: SubscriptionBalance): string {
  const label = padTextEnd(BALANCE_LABELS[balance.allowanceType] ?? balance.allowanceType, 7);
  if (balance.total == null || isUnlimited(balance.total)) {
    return `  ${label} ${progressBar(0, null)}  Unlimited`;
  }
  // A zero bucket (PLAN_S roaming is 0 MB) must not read as "Unlimited".
  if (!(balance.total > 0)) return `  ${label} ${progressBar(0, null)}  Not included`;
  const pct = Math.round((balance.consumed / balance.total) * 100);
  return (
    `  ${label} ${progressBar(balance.consumed, balance.total)}  ` +
    `${padTextStart(formatQuantity(balance.consumed, balance.unit), 9)} / ${padTextEnd(formatQuantity(balance.total, balance.unit), 9)} ${padTextStart(String(pct), 3)}%`
  );
}

function renewalText(nextRenewalAt: Instant | null | undefined, now: Date): string {
  if (Number.isNaN(instantMillis(nextRenewalAt))) return '—';
  // The same countdown the portal and the reminder email show.
  return `${renewalCountdown(daysUntil(instantToIso(nextRenewalAt as Instant), now))} (${formatDay(nextRenewalAt)})`;
}

function vasLines(purchases: readonly SubscriptionVasPurchase[]): string[] {
  const lines = purchases.slice(0, VAS_HISTORY_LIMIT).map((vas) => {
    const added = vas.allowanceAdded == null ? '' : `+${formatAllowance(vas.allowanceAdded, vas.unit ?? '')}`;
    const price = vas.priceAmount ? `${vas.currency ?? 'SGD'} ${formatMoney(vas.priceAmount)}` : '';
    return `  ${formatMinute(vas.appliedAt)}  ${padTextEnd(vas.vasOfferingId, 20)} ${padTextEnd(added, 14)} ${price}`.trimEnd();
  });
  if (purchases.length > VAS_HISTORY_LIMIT) lines.push(`  (+ ${purchases.length - VAS_HISTORY_LIMIT} more)`);
  return lines;
}

function esimLines(esim: SubscriptionEsim): string[] {
  return [
    `  ICCID  ${groupIccid(esim.iccid)}`,
    `  IMSI   ${esim.imsi || '—'}`,
    `  LPA    ${truncateText(toLpaString(esim.activationCode), 54)}`,
  ];
}

export function renderSubscriptionCard(input: SubscriptionCardInput, options: SubscriptionCardOptions): string {
  const price = input.priceAmount ? ` — ${input.currency ?? 'SGD'} ${formatMoney(input.priceAmount)}/mo` : '';
  const lines = [
    `Customer:  ${input.customerName || '—'} (${input.customerId})`,
    `MSISDN:    ${formatMsisdn(input.msisdn)}`,
    `Plan:      ${input.offeringName || '—'} (${input.offeringId})${price}`,
    `State:     ${stateDot(input.state)}`,
    `Activated: ${formatMinute(input.activatedAt)}`,
    `Renews:    ${renewalText(input.nextRenewalAt, options.now)}`,
    '',
    sectionRule('Bundle'),
    ...(input.balances.length > 0 ? input.balances.map(balanceLine) : ['  (no bundle balances)']),
  ];
  if (input.vasPurchases && input.vasPurchases.length > 0) {
    lines.push('', sectionRule('VAS Top-up History'), ...vasLines(input.vasPurchases));
  }
  if (options.showEsim && input.esim) {
    lines.push('', sectionRule('eSIM'), ...esimLines(input.esim));
  }
  const title = `Subscription ${input.id}`;
  return input.state.toLowerCase() === 'blocked'
    ? doubleBox(lines, title, SUBSCRIPTION_CARD_WIDTH)
    : box(lines, title, SUBSCRIPTION_CARD_WIDTH);
}
