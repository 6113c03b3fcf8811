import {
  assertCancelBeforeSomStarted,
  assertCustomerFound,
  assertCustomerKycVerified,
  assertHasPaymentMethod,
  assertOfferingFound,
  assertOfferingSellableNow,
  assertSubmitHasPaymentMethod,
  type OrderingOffering,
} from './order.policies';
import { ruleOf } from '@bss/testing';

const at = new Date('2026-01-15T00:00:00Z');
const offering: OrderingOffering = { id: 'PLAN_M', isSellable: true, lifecycleStatus: 'active', validFrom: null, validTo: null };

describe('order.create.customer_not_found', () => {
  it('allows a customer that exists', () => expect(ruleOf(() => assertCustomerFound({ id: 'CUST-1', kycStatus: 'verified' }, 'CUST-1'))).toBeUndefined());
  it('refuses an unknown customer', () => expect(ruleOf(() => assertCustomerFound(null, 'CUST-x'))).toBe('order.create.customer_not_found'));
});

describe('order.create.offering_not_found', () => {
  it('allows an offering that exists', () => expect(ruleOf(() => assertOfferingFound(offering, 'PLAN_M'))).toBeUndefined());
  it('refuses an unknown offering', () => expect(ruleOf(() => assertOfferingFound(null, 'PLAN_X'))).toBe('order.create.offering_not_found'));
});

describe('order.create.requires_verified_customer', () => {
  it('allows a verified customer', () => expect(ruleOf(() => assertCustomerKycVerified({ id: 'CUST-1', kycStatus: 'verified' }))).toBeUndefined());
  it.each(['not_verified', 'pending', 'rejected', 'expired'])('refuses kyc status %s', (kycStatus) =>
    expect(ruleOf(() => assertCustomerKycVerified({ id: 'CUST-1', kycStatus }))).toBe('order.create.requires_verified_customer'),
  );
});

describe('policy.offering.not_sellable_now', () => {
  it('allows a sellable, active offering with a price, inside its window', () => {
    expect(ruleOf(() => assertOfferingSellableNow(offering, 'PRICE_PLAN_M', at))).toBeUndefined();
    const windowed = { ...offering, validFrom: new Date('2026-01-01T00:00:00Z'), validTo: new Date('2026-02-01T00:00:00Z') };
    expect(ruleOf(() => assertOfferingSellableNow(windowed, 'PRICE_PLAN_M', at))).toBeUndefined();
  });
  it('refuses an offering without an active price', () => expect(ruleOf(() => assertOfferingSellableNow(offering, null, at))).toBe('policy.offering.not_sellable_now'));
  it('refuses an unsellable or retired offering', () => {
    expect(ruleOf(() => assertOfferingSellableNow({ ...offering, isSellable: false }, 'P', at))).toBe('policy.offering.not_sellable_now');
    expect(ruleOf(() => assertOfferingSellableNow({ ...offering, lifecycleStatus: 'retired' }, 'P', at))).toBe('policy.offering.not_sellable_now');
  });
  it('refuses outside the window (end exclusive)', () => {
    expect(ruleOf(() => assertOfferingSellableNow({ ...offering, validTo: at }, 'P', at))).toBe('policy.offering.not_sellable_now');
    expect(ruleOf(() => assertOfferingSellableNow({ ...offering, validFrom: new Date('2026-02-01T00:00:00Z') }, 'P', at))).toBe('policy.offering.not_sellable_now');
  });
});

describe('order.create.no_payment_method', () => {
  it('allows a customer with a card on file', () => expect(ruleOf(() => assertHasPaymentMethod(true, 'CUST-1'))).toBeUndefined());
  it('refuses a customer without one', () => expect(ruleOf(() => assertHasPaymentMethod(false, 'CUST-1'))).toBe('order.create.no_payment_method'));
});

describe('order.submit.no_payment_method', () => {
  it('allows submit with an active card', () => expect(ruleOf(() => assertSubmitHasPaymentMethod({ id: 'PM-0001' }, 'ORD-0001', 'CUST-1'))).toBeUndefined());
  it('refuses submit when the card is gone', () => expect(ruleOf(() => assertSubmitHasPaymentMethod(null, 'ORD-0001', 'CUST-1'))).toBe('order.submit.no_payment_method'));
});

describe('order.cancel.forbidden_after_som_started', () => {
  it('allows cancelling an acknowledged order, or an in-progress one SOM has not started', () => {
    expect(ruleOf(() => assertCancelBeforeSomStarted({ id: 'ORD-1', state: 'acknowledged' }, []))).toBeUndefined();
    expect(ruleOf(() => assertCancelBeforeSomStarted({ id: 'ORD-1', state: 'in_progress' }, []))).toBeUndefined();
    expect(ruleOf(() => assertCancelBeforeSomStarted({ id: 'ORD-1', state: 'in_progress' }, ['acknowledged']))).toBeUndefined();
  });
  it('refuses once a service order has left acknowledged', () => {
    expect(ruleOf(() => assertCancelBeforeSomStarted({ id: 'ORD-1', state: 'in_progress' }, ['in_progress']))).toBe('order.cancel.forbidden_after_som_started');
    expect(ruleOf(() => assertCancelBeforeSomStarted({ id: 'ORD-1', state: 'in_progress' }, ['acknowledged', 'completed']))).toBe(
      'order.cancel.forbidden_after_som_started',
    );
  });
});
