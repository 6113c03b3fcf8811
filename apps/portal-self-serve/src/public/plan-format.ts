import type { AllowanceView, OfferingView } from '@bss/catalog';

/** The four rows every plan card shows, in this order, so they line up across cards. */
export const ALLOWANCE_ROWS = [
  { type: 'data', label: 'Data' },
  { type: 'voice', label: 'Voice' },
  { type: 'sms', label: 'SMS' },
  { type: 'data_roaming', label: 'Roaming' },
] as const;

export function formatMb(mb: number): string {
  if (mb === -1) return 'Unlimited';
  if (mb >= 1024) {
    const gb = mb / 1024;
    return `${Number.isInteger(gb) ? gb : gb.toFixed(1)} GB`;
  }
  return `${mb} MB`;
}

export function formatAllowance(a: { allowanceType: string; quantity: number; unit: string } | undefined): string {
  if (!a) return 'Not included';
  if (a.quantity === -1) return 'Unlimited';
  if (a.quantity === 0) return 'Not included';
  if (a.unit === 'mb') return formatMb(a.quantity);
  if (a.unit === 'minutes') return `${a.quantity} min`;
  return `${a.quantity} SMS`;
}

export interface PlanCard {
  id: string;
  name: string;
  price: string;
  currency: string;
  rows: { label: string; value: string }[];
}

export function toPlanCard(o: OfferingView): PlanCard | null {
  const price = o.prices[0];
  if (!price) return null;
  return {
    id: o.id,
    name: o.name,
    price: price.amount,
    currency: price.currency,
    rows: ALLOWANCE_ROWS.map((r) => ({ label: r.label, value: formatAllowance(o.allowances.find((a: AllowanceView) => a.allowanceType === r.type)) })),
  };
}

/** Money as shown: `SGD 25.00`. */
export function money(amount: string, currency = 'SGD'): string {
  return `${currency} ${Number(amount).toFixed(2)}`;
}
