import { discountLabel } from '@bss/promos';
import type { BalanceView, SubscriptionView } from '@bss/subscription';
import { allowanceLabel, daysUntil, formatMsisdn, formatQuantity } from '@bss/web';

export interface BalanceBar {
  label: string;
  text: string;
  pct: number;
  widthClass: number;
  tone: '' | 'low' | 'empty' | 'unlimited';
}

/** Bars show what REMAINS: `low` at ≤ 10 %, `empty` at 0, unlimited striped; roaming hidden when 0/0. */
export function toBalanceBars(balances: readonly BalanceView[], dataUnlimitedUntil: Date | null = null): BalanceBar[] {
  return balances
    .filter((b) => !(b.allowanceType === 'data_roaming' && b.total === 0 && b.consumed === 0))
    .map((b) => {
      const unlimited = b.total === -1 || (b.allowanceType === 'data' && dataUnlimitedUntil !== null);
      if (unlimited) return { label: allowanceLabel(b.allowanceType), text: 'Unlimited', pct: 100, widthClass: 100, tone: 'unlimited' as const };
      const remaining = Math.max(b.remaining, 0);
      const pct = b.total > 0 ? Math.round((remaining / b.total) * 100) : 0;
      const tone = remaining <= 0 ? ('empty' as const) : pct <= 10 ? ('low' as const) : ('' as const);
      return {
        label: allowanceLabel(b.allowanceType),
        text: remaining <= 0 ? `Used up (${formatQuantity(b.total, b.unit)})` : `${formatQuantity(remaining, b.unit)} left of ${formatQuantity(b.total, b.unit)}`,
        pct,
        widthClass: Math.min(100, Math.max(remaining > 0 ? 5 : 0, Math.round(pct / 5) * 5)),
        tone,
      };
    });
}

/** The line's promo while it still discounts (spec §6.6 badge). */
export interface LinePromo {
  label: string;
  /** What each discounted period charges. */
  effectiveAmount: string;
  /** What the line costs once the promo ends. */
  baseAmount: string;
  /** Discounted renewals still to come; null = ongoing (perpetual). */
  renewalsLeft: number | null;
}

export interface LineCard {
  line: SubscriptionView;
  planName: string;
  /** `9000 0001`. */
  msisdnText: string;
  pendingPlanName: string | null;
  bars: BalanceBar[];
  renewsInDays: number | null;
  stateTone: 'ok' | 'warn' | 'err' | '';
  promo: LinePromo | null;
}

/** Shown while the counter is not 0: −1 perpetual, N renewals still discounted after this period. */
export function toLinePromo(line: SubscriptionView): LinePromo | null {
  if (!line.discountType || line.discountValue === null || line.discountPeriodsRemaining === 0 || line.state === 'terminated') return null;
  return {
    label: discountLabel({ discountType: line.discountType, discountValue: line.discountValue }, line.currency),
    effectiveAmount: line.effectiveAmount,
    baseAmount: line.priceAmount,
    renewalsLeft: line.discountPeriodsRemaining < 0 ? null : line.discountPeriodsRemaining,
  };
}

export function toLineCard(line: SubscriptionView, names: Map<string, string>, now: Date): LineCard {
  // Counted like the CLI card and the reminder email; an overdue renewal reads "today" to a customer.
  const renewsInDays = line.nextRenewalAt && line.state !== 'terminated' ? Math.max(0, daysUntil(line.nextRenewalAt, now)) : null;
  return {
    line,
    planName: names.get(line.offeringId) ?? line.offeringId,
    msisdnText: formatMsisdn(line.msisdn),
    pendingPlanName: line.pendingOfferingId ? (names.get(line.pendingOfferingId) ?? line.pendingOfferingId) : null,
    bars: toBalanceBars(line.balances, line.dataUnlimitedUntil),
    renewsInDays,
    stateTone: line.state === 'active' ? 'ok' : line.state === 'blocked' ? 'warn' : line.state === 'terminated' ? 'err' : '',
    promo: toLinePromo(line),
  };
}

export function formatDate(d: Date | null): string {
  return d ? d.toISOString().slice(0, 10) : '—';
}
