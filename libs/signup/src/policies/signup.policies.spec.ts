import { PolicyViolation } from '@bss/platform';
import {
  assertPlausibleDateOfBirth,
  assertReadyToOrder,
  assertSignupEditable,
  assertStepReachable,
  isStepReachable,
  nextSignupStep,
  signupOrderNeedsStepUp,
  type SignupFacts,
} from './signup.policies';

const rule = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof PolicyViolation ? e.rule : (e as Error).constructor.name;
  }
  return 'allowed';
};

describe('signup policies', () => {
  const fresh: SignupFacts = { id: 'SGN-1', state: 'collecting', msisdn: null, customerId: null, kycAttestedAt: null, paymentMethodId: null };
  const full: SignupFacts = { ...fresh, msisdn: '90000001', customerId: 'CUST-1', kycAttestedAt: new Date(), paymentMethodId: 'PM-0001' };
  it('the next step is the first incomplete one', () => {
    expect(nextSignupStep(fresh)).toBe('number');
    expect(nextSignupStep({ ...fresh, msisdn: '90000001' })).toBe('details');
    expect(nextSignupStep({ ...full, paymentMethodId: null })).toBe('card');
    expect(nextSignupStep(full)).toBe('review');
    // A linked customer with KYC and a card needs only a number.
    expect(nextSignupStep({ ...full, msisdn: null })).toBe('number');
  });
  it('back is always reachable, forward only to the next step', () => {
    expect(isStepReachable(full, 'number')).toBe(true);
    expect(isStepReachable(fresh, 'kyc')).toBe(false);
    expect(rule(() => assertStepReachable(fresh, 'number'))).toBe('allowed');
    expect(rule(() => assertStepReachable(fresh, 'card'))).toBe('signup.place_order.requires_all_steps');
  });
  it('signup.edit.before_order_only', () => {
    expect(rule(() => assertSignupEditable(full))).toBe('allowed');
    expect(rule(() => assertSignupEditable({ ...full, state: 'ordered' }))).toBe('signup.edit.before_order_only');
  });
  it('signup.place_order.requires_all_steps', () => {
    expect(rule(() => assertReadyToOrder(full))).toBe('allowed');
    expect(rule(() => assertReadyToOrder({ ...full, kycAttestedAt: null }))).toBe('signup.place_order.requires_all_steps');
  });
});

describe('signup.attest_kyc.date_of_birth_plausible', () => {
  const today = new Date('2026-03-01T09:00:00Z');
  it.each(['1990-04-01', '1900-01-01', '2026-03-01'])('allows %s', (dob) => expect(rule(() => assertPlausibleDateOfBirth(dob, today))).toBe('allowed'));
  it.each(['2026-03-02', '2090-01-01', '1899-12-31', '0001-01-01'])('refuses %s', (dob) =>
    expect(rule(() => assertPlausibleDateOfBirth(dob, today))).toBe('signup.attest_kyc.date_of_birth_plausible'),
  );
});

describe('signupOrderNeedsStepUp', () => {
  it('an existing customer (card already on file) steps up before the order', () => expect(signupOrderNeedsStepUp({ forExistingCustomer: true })).toBe(true));
  it('a customer created by this journey (card typed in it) does not', () => expect(signupOrderNeedsStepUp({ forExistingCustomer: false })).toBe(false));
});
