import { DEMO_EMAIL_SUFFIX, demoPlan } from './demo-plan';

describe('demoPlan', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(demoPlan(18)).toEqual(demoPlan(18));
    expect(demoPlan(19).customers.map((c) => c.email)).not.toEqual(demoPlan(18).customers.map((c) => c.email));
  });

  it('makes a small operator of the promised shape: 50 customers on all three plans, some blocked, topped up, with cases and the promo', () => {
    const { customers } = demoPlan();
    expect(customers).toHaveLength(50);
    expect(new Set(customers.map((c) => c.offeringId))).toEqual(new Set(['PLAN_S', 'PLAN_M', 'PLAN_L']));
    expect(customers.filter((c) => c.exhaust)).toHaveLength(4);
    expect(customers.filter((c) => c.vas).length).toBeGreaterThanOrEqual(5);
    expect(customers.filter((c) => c.case).length).toBeGreaterThanOrEqual(5);
    expect(customers.filter((c) => c.promoCode)).toHaveLength(10);
    expect(customers.filter((c) => c.vip)).toHaveLength(2);
    expect(customers.every((c) => c.email.endsWith(DEMO_EMAIL_SUFFIX))).toBe(true);
    expect(new Set(customers.map((c) => c.email)).size).toBe(50);
    // Staggered: usage spread over the bundle, not one figure for everyone.
    expect(new Set(customers.filter((c) => !c.exhaust).map((c) => c.dataUsedMb)).size).toBeGreaterThan(40);
  });
});
