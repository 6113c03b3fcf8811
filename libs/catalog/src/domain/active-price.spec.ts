import { activeRecurringPrices, amountToCents, selectActivePrice, type PriceRow } from './active-price';

const at = (iso: string) => new Date(iso);
const row = (id: string, amount: string, validFrom: string | null = null, validTo: string | null = null, priceType: PriceRow['priceType'] = 'recurring'): PriceRow => ({
  id,
  amount,
  priceType,
  validFrom: validFrom ? at(validFrom) : null,
  validTo: validTo ? at(validTo) : null,
});

describe('amountToCents', () => {
  it('reads decimal strings exactly', () => {
    expect(amountToCents('25.00')).toBe(2500);
    expect(amountToCents('0.1')).toBe(10);
    expect(amountToCents('45')).toBe(4500);
    expect(amountToCents('19.99')).toBe(1999);
  });
});

describe('selectActivePrice', () => {
  const base = row('PRICE_PLAN_M', '25.00');
  const promo = row('PRICE_PLAN_M_PROMO', '20.00', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z');

  it('a cheaper windowed row wins inside its window', () => {
    expect(selectActivePrice([base, promo], at('2026-01-15T00:00:00Z'))?.id).toBe('PRICE_PLAN_M_PROMO');
  });

  it('the base price is back at exactly validTo (end exclusive)', () => {
    expect(selectActivePrice([base, promo], at('2026-02-01T00:00:00Z'))?.id).toBe('PRICE_PLAN_M');
  });

  it('ties go to the lowest id', () => {
    expect(selectActivePrice([row('P_B', '10.00'), row('P_A', '10.00')], at('2026-01-01T00:00:00Z'))?.id).toBe('P_A');
  });

  it('compares amounts as money, not as text', () => {
    expect(selectActivePrice([row('P_9', '9.50'), row('P_10', '10.00')], at('2026-01-01T00:00:00Z'))?.id).toBe('P_9');
  });

  it('ignores one-time rows and rows outside their window', () => {
    const rows = [row('P_ONCE', '1.00', null, null, 'one_time'), row('P_OLD', '5.00', null, '2025-01-01T00:00:00Z')];
    expect(selectActivePrice(rows, at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('lists every active recurring row, the active one first', () => {
    expect(activeRecurringPrices([base, promo], at('2026-01-15T00:00:00Z')).map((p) => p.id)).toEqual(['PRICE_PLAN_M_PROMO', 'PRICE_PLAN_M']);
  });
});
