import {
  assertAdmin,
  assertCustomerCanHoldLine,
  assertHasPaymentMethod,
  assertLineResourcesReserved,
  assertPlanChangeCancellable,
  assertPlanChangeSchedulable,
  assertPriceMigrationTarget,
  assertRenewable,
  assertTerminable,
  assertVasChargeApproved,
  assertVasPurchasable,
  assertVasSellable,
  topUpUnblocks,
} from './subscription.policies';
import { ruleOf } from '@bss/testing';

const line = { id: 'SUB-0001', state: 'active' as const, offeringId: 'PLAN_S', pendingOfferingId: null };
const target = { offeringId: 'PLAN_M', sellableNow: true, hasActivePrice: true };

describe('subscription policies', () => {
  describe('subscription.create.requires_customer', () => {
    it('allows active and pending customers', () => {
      expect(ruleOf(() => assertCustomerCanHoldLine('CUST-1', 'active'))).toBeUndefined();
      expect(ruleOf(() => assertCustomerCanHoldLine('CUST-1', 'pending'))).toBeUndefined();
    });
    it('denies unknown or closed customers', () => {
      expect(ruleOf(() => assertCustomerCanHoldLine('CUST-1', undefined))).toBe('subscription.create.requires_customer');
      expect(ruleOf(() => assertCustomerCanHoldLine('CUST-1', 'closed'))).toBe('subscription.create.requires_customer');
    });
  });

  describe('subscription.create.msisdn_and_esim_reserved', () => {
    const base = { msisdn: '90000001', iccid: '8965', msisdnStatus: 'reserved', esimStatus: 'reserved' };
    it('allows a reserved (or already assigned) number with a reserved profile', () => {
      expect(ruleOf(() => assertLineResourcesReserved(base))).toBeUndefined();
      expect(ruleOf(() => assertLineResourcesReserved({ ...base, msisdnStatus: 'assigned' }))).toBeUndefined();
    });
    it('denies free or unknown resources', () => {
      expect(ruleOf(() => assertLineResourcesReserved({ ...base, msisdnStatus: 'available' }))).toBe('subscription.create.msisdn_and_esim_reserved');
      expect(ruleOf(() => assertLineResourcesReserved({ ...base, esimStatus: undefined }))).toBe('subscription.create.msisdn_and_esim_reserved');
    });
  });

  describe('subscription.renew.only_if_active_or_blocked', () => {
    it('allows active and blocked lines', () => {
      expect(assertRenewable({ id: 'SUB-0001', state: 'active' })).toBe('active');
      expect(assertRenewable({ id: 'SUB-0001', state: 'blocked' })).toBe('active');
    });
    it('denies terminated and pending lines', () => {
      expect(ruleOf(() => assertRenewable({ id: 'SUB-0001', state: 'terminated' }))).toBe('subscription.renew.only_if_active_or_blocked');
      expect(ruleOf(() => assertRenewable({ id: 'SUB-0001', state: 'pending' }))).toBe('subscription.renew.only_if_active_or_blocked');
    });
  });

  describe('subscription.terminate.invalid_state', () => {
    it('allows active and blocked lines', () => {
      expect(assertTerminable({ id: 'SUB-0001', state: 'blocked' })).toBe('terminated');
    });
    it('denies a terminated line', () => {
      expect(ruleOf(() => assertTerminable({ id: 'SUB-0001', state: 'terminated' }))).toBe('subscription.terminate.invalid_state');
    });
  });

  describe('subscription.renew.no_payment_method / subscription.vas.requires_active_cof', () => {
    const ctx = { subscriptionId: 'SUB-0001', customerId: 'CUST-1' };
    it('allows a customer with a card', () => {
      expect(ruleOf(() => assertHasPaymentMethod(true, 'subscription.renew.no_payment_method', ctx))).toBeUndefined();
      expect(ruleOf(() => assertHasPaymentMethod(true, 'subscription.vas.requires_active_cof', ctx))).toBeUndefined();
    });
    it('denies a customer without one, under the verb’s rule', () => {
      expect(ruleOf(() => assertHasPaymentMethod(false, 'subscription.renew.no_payment_method', ctx))).toBe('subscription.renew.no_payment_method');
      expect(ruleOf(() => assertHasPaymentMethod(false, 'subscription.vas.requires_active_cof', ctx))).toBe('subscription.vas.requires_active_cof');
    });
  });

  describe('subscription.vas.not_if_terminated', () => {
    it('allows active and blocked lines', () => {
      expect(ruleOf(() => assertVasPurchasable({ id: 'SUB-0001', state: 'blocked' }))).toBeUndefined();
    });
    it('denies a terminated line', () => {
      expect(ruleOf(() => assertVasPurchasable({ id: 'SUB-0001', state: 'terminated' }))).toBe('subscription.vas.not_if_terminated');
    });
  });

  describe('subscription.plan_change.*', () => {
    it('allows an active line moving to a different sellable, priced offering', () => {
      expect(ruleOf(() => assertPlanChangeSchedulable(line, target))).toBeUndefined();
    });
    it('not_eligible_state: denies a blocked line', () => {
      expect(ruleOf(() => assertPlanChangeSchedulable({ ...line, state: 'blocked' }, target))).toBe('subscription.plan_change.not_eligible_state');
    });
    it('same_offering: denies the current offering', () => {
      expect(ruleOf(() => assertPlanChangeSchedulable(line, { ...target, offeringId: 'PLAN_S' }))).toBe('subscription.plan_change.same_offering');
    });
    it('already_pending: denies a second change', () => {
      expect(ruleOf(() => assertPlanChangeSchedulable({ ...line, pendingOfferingId: 'PLAN_L' }, target))).toBe('subscription.plan_change.already_pending');
    });
    it('target_not_sellable_now: denies an offering outside the active catalog', () => {
      expect(ruleOf(() => assertPlanChangeSchedulable(line, { ...target, sellableNow: false }))).toBe('subscription.plan_change.target_not_sellable_now');
    });
    it('target_no_active_price: denies an unpriced offering', () => {
      expect(ruleOf(() => assertPlanChangeSchedulable(line, { ...target, hasActivePrice: false }))).toBe('subscription.plan_change.target_no_active_price');
    });
  });

  describe('cancel plan change', () => {
    it('allows cancelling a pending plan change, and is a no-op with nothing pending', () => {
      expect(assertPlanChangeCancellable({ ...line, pendingOfferingId: 'PLAN_M' })).toBe(true);
      expect(assertPlanChangeCancellable(line)).toBe(false);
      expect(assertPlanChangeCancellable({ ...line, state: 'blocked', pendingOfferingId: 'PLAN_M' })).toBe(true);
    });
    it('subscription.cancel_plan_change.not_a_plan_change: denies cancelling an operator price migration', () => {
      expect(ruleOf(() => assertPlanChangeCancellable({ ...line, pendingOfferingId: 'PLAN_S' }))).toBe('subscription.cancel_plan_change.not_a_plan_change');
    });
    it('subscription.plan_change.not_eligible_state: denies a terminated line', () => {
      expect(ruleOf(() => assertPlanChangeCancellable({ ...line, state: 'terminated' }))).toBe('subscription.plan_change.not_eligible_state');
    });
  });

  describe('subscription.admin_only', () => {
    it('allows a named admin', () => {
      expect(ruleOf(() => assertAdmin({ actor: 'ops.alice', roles: ['admin'] }))).toBeUndefined();
    });
    it('denies anonymous actors and non-admins', () => {
      expect(ruleOf(() => assertAdmin({ actor: 'anonymous', roles: ['admin'] }))).toBe('subscription.admin_only');
      expect(ruleOf(() => assertAdmin({ actor: '', roles: ['admin'] }))).toBe('subscription.admin_only');
      expect(ruleOf(() => assertAdmin({ actor: 'csr.bob', roles: ['csr'] }))).toBe('subscription.admin_only');
    });
  });

  describe('subscription.migrate_price.*', () => {
    it('allows a price of the named offering', () => {
      expect(ruleOf(() => assertPriceMigrationTarget('PLAN_M', 'PRICE_PLAN_M_2', { offeringId: 'PLAN_M' }))).toBeUndefined();
    });
    it('unsupported_filter: denies a migration without an offering', () => {
      expect(ruleOf(() => assertPriceMigrationTarget(undefined, 'PRICE_X', { offeringId: 'PLAN_M' }))).toBe('subscription.migrate_price.unsupported_filter');
    });
    it('unknown_price: denies an unknown price', () => {
      expect(ruleOf(() => assertPriceMigrationTarget('PLAN_M', 'PRICE_X', undefined))).toBe('subscription.migrate_price.unknown_price');
    });
    it('price_not_on_offering: denies another offering’s price', () => {
      expect(ruleOf(() => assertPriceMigrationTarget('PLAN_M', 'PRICE_PLAN_L', { offeringId: 'PLAN_L' }))).toBe('subscription.migrate_price.price_not_on_offering');
    });
  });
});

describe('VAS purchase policies', () => {
  it('subscription.vas.vas_offering_sellable: allows a known VAS, denies an unknown one', () => {
    expect(ruleOf(() => assertVasSellable('VAS_DATA_1GB', { id: 'VAS_DATA_1GB' }))).toBeUndefined();
    expect(ruleOf(() => assertVasSellable('VAS_NOPE', undefined))).toBe('subscription.vas.vas_offering_sellable');
  });

  it('subscription.vas.requires_active_cof: allows an approved charge, denies a declined one', () => {
    const ctx = { subscriptionId: 'SUB-0001', vasOfferingId: 'VAS_DATA_1GB' };
    expect(ruleOf(() => assertVasChargeApproved({ id: 'PAY-000001', status: 'approved', declineReason: null }, ctx))).toBeUndefined();
    expect(ruleOf(() => assertVasChargeApproved({ id: 'PAY-000002', status: 'declined', declineReason: 'card_declined' }, ctx))).toBe(
      'subscription.vas.requires_active_cof',
    );
  });

  describe('topUpUnblocks', () => {
    const now = new Date('2026-01-10T00:00:00Z');
    const blocked = { state: 'blocked' as const, stateReason: 'exhausted', nextRenewalAt: new Date('2026-01-31T00:00:00Z') };
    it('unblocks an exhausted line whose data is back and whose period runs', () => {
      expect(topUpUnblocks(blocked, now, false)).toBe(true);
    });
    it('keeps it blocked while data is still exhausted (e.g. a roaming-only top-up)', () => {
      expect(topUpUnblocks(blocked, now, true)).toBe(false);
    });
    it('keeps a line blocked for a declined renewal, or with a lapsed period, blocked', () => {
      expect(topUpUnblocks({ ...blocked, stateReason: 'renew_failed' }, now, false)).toBe(false);
      expect(topUpUnblocks({ ...blocked, nextRenewalAt: now }, now, false)).toBe(false);
    });
    it('has nothing to unblock on an active line', () => {
      expect(topUpUnblocks({ ...blocked, state: 'active' }, now, false)).toBe(false);
    });
  });
});
