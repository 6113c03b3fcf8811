import { assertChargeable, type ChargeableMethod, type ChargeFacts } from './charge.policies';
import { ruleOf } from '@bss/testing';

const method: ChargeableMethod = { id: 'PM-0001', customerId: 'CUST-00000001', status: 'active', tokenProvider: 'mock' };
const ok: ChargeFacts<ChargeableMethod> = { requestedMethodId: 'PM-0001', method, customerId: 'CUST-00000001', amount: '25.00', activeProvider: 'mock' };

describe('charge policies (checked in order: exists → active → amount → owner → provider)', () => {
  it('allows a good charge and returns the method', () => expect(assertChargeable(ok)).toBe(method));

  describe('payment.charge.method_not_found', () => {
    it('allows an existing method', () => expect(ruleOf(() => assertChargeable(ok))).toBeUndefined());
    it('refuses a missing one (also: no card at all)', () => {
      expect(ruleOf(() => assertChargeable({ ...ok, method: null }))).toBe('payment.charge.method_not_found');
      expect(ruleOf(() => assertChargeable({ ...ok, requestedMethodId: undefined, method: null }))).toBe('payment.charge.method_not_found');
    });
  });

  describe('payment.charge.method_active', () => {
    it('allows an active card', () => expect(ruleOf(() => assertChargeable(ok))).toBeUndefined());
    it('refuses a removed card before looking at the amount', () =>
      expect(ruleOf(() => assertChargeable({ ...ok, method: { ...method, status: 'removed' }, amount: '0.00' }))).toBe('payment.charge.method_active'));
  });

  describe('payment.charge.positive_amount', () => {
    it('allows 0.01', () => expect(ruleOf(() => assertChargeable({ ...ok, amount: '0.01' }))).toBeUndefined());
    it.each(['0.00', '-5.00'])('refuses %s', (amount) => expect(ruleOf(() => assertChargeable({ ...ok, amount }))).toBe('payment.charge.positive_amount'));
  });

  describe('payment.charge.customer_matches_method', () => {
    it('allows the owner', () => expect(ruleOf(() => assertChargeable(ok))).toBeUndefined());
    it('refuses someone else’s card', () => expect(ruleOf(() => assertChargeable({ ...ok, customerId: 'CUST-00000002' }))).toBe('payment.charge.customer_matches_method'));
  });

  describe('payment.charge.token_provider_matches_active', () => {
    it('allows a token of the active provider', () => expect(ruleOf(() => assertChargeable(ok))).toBeUndefined());
    it('refuses a token minted by another provider', () =>
      expect(ruleOf(() => assertChargeable({ ...ok, activeProvider: 'stripe' }))).toBe('payment.charge.token_provider_matches_active'));
  });
});
