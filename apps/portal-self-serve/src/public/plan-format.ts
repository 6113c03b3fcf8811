import type { AllowanceView, OfferingView } from '@bss/catalog';
import { allowanceLabel, formatAllowance, formatPrice } from '@bss/web';

/** The four rows every plan card shows, in this order, so they line up across cards. */
export const ALLOWANCE_ROWS = ['data', 'voice', 'sms', 'data_roaming'] as const;

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
    rows: ALLOWANCE_ROWS.map((type) => {
      const allowance = o.allowances.find((a: AllowanceView) => a.allowanceType === type);
      return { label: allowanceLabel(type), value: allowance ? formatAllowance(allowance.quantity, allowance.unit) : 'Not included' };
    }),
  };
}

/** Money as shown: `SGD 25.00`. */
export function money(amount: string, currency = 'SGD'): string {
  return formatPrice(amount, currency);
}
