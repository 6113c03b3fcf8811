import { expectRule } from '@bss/testing';
import { assertBalanceAdjustable, assertBalanceReservable, assertBalanceTransferable, assertReservationClosable, assertStatusUnchanged } from './balance.policies';

const line = (over: Partial<{ id: string; customerId: string; state: 'active' | 'blocked' | 'terminated' | 'pending' }> = {}) => ({ id: 'SUB-0001', customerId: 'CUST-00000001', state: 'active' as const, ...over });
const data = (quantity: number, unit = 'mb') => ({ allowanceType: 'data' as const, quantity, unit });
const bucket = (total: number, consumed = 0) => ({ total, consumed });

describe('assertBalanceAdjustable', () => {
  it('subscription.adjust_balance.line_active_or_blocked', () => {
    expect(() => assertBalanceAdjustable(line({ state: 'blocked' }), data(10), bucket(100))).not.toThrow();
    expectRule(() => assertBalanceAdjustable(line({ state: 'terminated' }), data(10), bucket(100)), 'subscription.adjust_balance.line_active_or_blocked');
  });
  it('subscription.adjust_balance.non_zero_quantity', () => {
    expect(() => assertBalanceAdjustable(line(), data(-1), bucket(100))).not.toThrow();
    expectRule(() => assertBalanceAdjustable(line(), data(0), bucket(100)), 'subscription.adjust_balance.non_zero_quantity');
  });
  it('subscription.adjust_balance.unit_matches_bucket', () => {
    expect(() => assertBalanceAdjustable(line(), { allowanceType: 'voice', quantity: 5, unit: 'minutes' }, bucket(100))).not.toThrow();
    expectRule(() => assertBalanceAdjustable(line(), data(10, 'minutes'), bucket(100)), 'subscription.adjust_balance.unit_matches_bucket');
  });
  it('subscription.adjust_balance.within_cap', () => {
    expect(() => assertBalanceAdjustable(line(), data(10_240), bucket(100))).not.toThrow();
    expectRule(() => assertBalanceAdjustable(line(), data(-10_241), bucket(20_000)), 'subscription.adjust_balance.within_cap');
  });
  it('subscription.adjust_balance.limited_bucket', () => {
    expect(() => assertBalanceAdjustable(line(), data(10), undefined)).not.toThrow();
    expectRule(() => assertBalanceAdjustable(line(), data(10), bucket(-1)), 'subscription.adjust_balance.limited_bucket');
  });
  it('subscription.adjust_balance.no_negative_remaining', () => {
    expect(() => assertBalanceAdjustable(line(), data(-60), bucket(100, 40))).not.toThrow();
    expectRule(() => assertBalanceAdjustable(line(), data(-61), bucket(100, 40)), 'subscription.adjust_balance.no_negative_remaining');
    expectRule(() => assertBalanceAdjustable(line(), data(-1), undefined), 'subscription.adjust_balance.no_negative_remaining');
  });
});

describe('assertBalanceTransferable', () => {
  const other = line({ id: 'SUB-0002' });
  const buckets = { from: bucket(100), to: bucket(50) };
  it('subscription.transfer_balance.distinct_lines', () => {
    expect(() => assertBalanceTransferable(line(), other, data(10), buckets)).not.toThrow();
    expectRule(() => assertBalanceTransferable(line(), line(), data(10), buckets), 'subscription.transfer_balance.distinct_lines');
  });
  it('subscription.transfer_balance.same_customer', () => {
    expectRule(() => assertBalanceTransferable(line(), line({ id: 'SUB-0002', customerId: 'CUST-00000002' }), data(10), buckets), 'subscription.transfer_balance.same_customer');
  });
  it('subscription.transfer_balance.lines_active', () => {
    expectRule(() => assertBalanceTransferable(line(), line({ id: 'SUB-0002', state: 'blocked' }), data(10), buckets), 'subscription.transfer_balance.lines_active');
  });
  it('subscription.transfer_balance.same_unit', () => {
    expectRule(() => assertBalanceTransferable(line(), other, data(10, 'count'), buckets), 'subscription.transfer_balance.same_unit');
  });
  it('subscription.transfer_balance.limited_buckets', () => {
    expect(() => assertBalanceTransferable(line(), other, data(10), { from: bucket(100), to: undefined })).not.toThrow();
    expectRule(() => assertBalanceTransferable(line(), other, data(10), { from: bucket(100), to: bucket(-1) }), 'subscription.transfer_balance.limited_buckets');
  });
  it('subscription.transfer_balance.enough_remaining', () => {
    expect(() => assertBalanceTransferable(line(), other, data(100), buckets)).not.toThrow();
    expectRule(() => assertBalanceTransferable(line(), other, data(101), buckets), 'subscription.transfer_balance.enough_remaining');
  });
});

describe('assertStatusUnchanged', () => {
  it('subscription.vas.purchase_final', () => {
    expect(() => assertStatusUnchanged('vas_purchase', 'SUB-0001-VAS-ABCDEF12', 'confirmed')).not.toThrow();
    expectRule(() => assertStatusUnchanged('vas_purchase', 'SUB-0001-VAS-ABCDEF12', 'cancelled'), 'subscription.vas.purchase_final');
  });
  it('subscription.transfer_balance.final', () => {
    expect(() => assertStatusUnchanged('balance_transfer', 'TRF-00000001', 'confirmed')).not.toThrow();
    expectRule(() => assertStatusUnchanged('balance_transfer', 'TRF-00000001', 'cancelled'), 'subscription.transfer_balance.final');
  });
});

describe('assertBalanceReservable', () => {
  it('subscription.reserve_balance.line_active', () => {
    expect(() => assertBalanceReservable(line(), data(10), bucket(100))).not.toThrow();
    expectRule(() => assertBalanceReservable(line({ state: 'blocked' }), data(10), bucket(100)), 'subscription.reserve_balance.line_active');
  });
  it('subscription.reserve_balance.unit_matches_bucket', () => {
    expectRule(() => assertBalanceReservable(line(), data(10, 'count'), bucket(100)), 'subscription.reserve_balance.unit_matches_bucket');
  });
  it('subscription.reserve_balance.limited_bucket', () => {
    expectRule(() => assertBalanceReservable(line(), data(10), bucket(-1)), 'subscription.reserve_balance.limited_bucket');
  });
  it('subscription.reserve_balance.enough_remaining', () => {
    expect(() => assertBalanceReservable(line(), data(60), bucket(100, 40))).not.toThrow();
    expectRule(() => assertBalanceReservable(line(), data(61), bucket(100, 40)), 'subscription.reserve_balance.enough_remaining');
  });
});

describe('assertReservationClosable', () => {
  const now = new Date('2026-01-01T00:10:00Z');
  const held = { id: 'RSV-00000001', state: 'held', quantity: 50, expiresAt: new Date('2026-01-01T00:15:00Z') };
  const overdue = { ...held, expiresAt: new Date('2026-01-01T00:10:00Z') };
  it('subscription.release_reservation.reservation_held', () => {
    expect(() => assertReservationClosable(held, 'release', now)).not.toThrow();
    expectRule(() => assertReservationClosable({ ...held, state: 'deducted' }, 'release', now), 'subscription.release_reservation.reservation_held');
  });
  it('subscription.release_reservation.reservation_held reads "already expired" for an expired hold', () => {
    expect(() => assertReservationClosable({ ...held, state: 'expired' }, 'release', now)).toThrow(/RSV-00000001 is already expired$/);
    expectRule(() => assertReservationClosable({ ...held, state: 'expired' }, 'release', now), 'subscription.release_reservation.reservation_held');
  });
  it('a release past the expiry time, before the sweep, returns the hold as the expiry would', () => {
    expect(() => assertReservationClosable(overdue, 'release', now)).not.toThrow();
  });
  it('subscription.deduct_reservation.reservation_held', () => {
    expectRule(() => assertReservationClosable({ ...held, state: 'released' }, 'deduct', now, 1), 'subscription.deduct_reservation.reservation_held');
    expectRule(() => assertReservationClosable({ ...held, state: 'expired' }, 'deduct', now, 1), 'subscription.deduct_reservation.reservation_held');
  });
  it('subscription.deduct_reservation.not_expired', () => {
    expect(() => assertReservationClosable(held, 'deduct', now, 1)).not.toThrow();
    expectRule(() => assertReservationClosable(overdue, 'deduct', now, 1), 'subscription.deduct_reservation.not_expired');
    expectRule(() => assertReservationClosable({ ...held, expiresAt: new Date('2026-01-01T00:09:59Z') }, 'deduct', now), 'subscription.deduct_reservation.not_expired');
  });
  it('subscription.deduct_reservation.within_reservation', () => {
    expect(() => assertReservationClosable(held, 'deduct', now, 50)).not.toThrow();
    expectRule(() => assertReservationClosable(held, 'deduct', now, 51), 'subscription.deduct_reservation.within_reservation');
  });
});
