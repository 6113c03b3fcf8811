import {
  assertCanBeDefault,
  assertCardNotExpired,
  assertCustomerActiveOrPending,
  assertCustomerExists,
  assertLocalTokenizationAllowed,
  assertRemovable,
  assertTokenizerConfigured,
  assertUnderMethodLimit,
} from './payment-method.policies';
import { ruleOf } from '@bss/testing';

const NOW = new Date('2026-06-15T12:00:00Z');

describe('payment method policies', () => {
  describe('payment.add_card.customer_exists', () => {
    it('allows a known customer', () => expect(ruleOf(() => assertCustomerExists('CUST-00000001', { status: 'active' }))).toBeUndefined());
    it('refuses an unknown one', () => expect(ruleOf(() => assertCustomerExists('CUST-00000001', null))).toBe('payment.add_card.customer_exists'));
  });

  describe('payment.add_card.customer_active_or_pending', () => {
    it.each(['active', 'pending'])('allows a %s customer', (status) => expect(ruleOf(() => assertCustomerActiveOrPending('CUST-00000001', status))).toBeUndefined());
    it.each(['suspended', 'closed'])('refuses a %s customer', (status) =>
      expect(ruleOf(() => assertCustomerActiveOrPending('CUST-00000001', status))).toBe('payment.add_card.customer_active_or_pending'),
    );
  });

  describe('payment.add_card.card_not_expired', () => {
    it('allows a card through the end of its expiry month, and later ones', () => {
      expect(ruleOf(() => assertCardNotExpired(6, 2026, NOW))).toBeUndefined();
      expect(ruleOf(() => assertCardNotExpired(1, 2027, NOW))).toBeUndefined();
    });
    it('refuses last month and last year (by the clock, not the OS)', () => {
      expect(ruleOf(() => assertCardNotExpired(5, 2026, NOW))).toBe('payment.add_card.card_not_expired');
      expect(ruleOf(() => assertCardNotExpired(12, 2025, NOW))).toBe('payment.add_card.card_not_expired');
    });
  });

  describe('payment.add_card.at_most_n_methods', () => {
    it('allows a fifth card', () => expect(ruleOf(() => assertUnderMethodLimit('CUST-00000001', 4))).toBeUndefined());
    it('refuses a sixth', () => expect(ruleOf(() => assertUnderMethodLimit('CUST-00000001', 5))).toBe('payment.add_card.at_most_n_methods'));
  });

  describe('payment.add_card.no_tokenizer', () => {
    it('allows a configured provider', () => expect(ruleOf(() => assertTokenizerConfigured('stripe', true))).toBeUndefined());
    it('refuses one without credentials', () => expect(ruleOf(() => assertTokenizerConfigured('stripe', false))).toBe('payment.add_card.no_tokenizer'));
  });

  describe('payment.add_card.local_tokenization_mock_only', () => {
    it('allows the mock provider', () => expect(ruleOf(() => assertLocalTokenizationAllowed('mock'))).toBeUndefined());
    it('refuses a real provider', () => expect(ruleOf(() => assertLocalTokenizationAllowed('stripe'))).toBe('payment.add_card.local_tokenization_mock_only'));
  });

  describe('payment.remove_method.already_removed', () => {
    it('allows removing an active or expired card', () => {
      expect(ruleOf(() => assertRemovable({ id: 'PM-0001', status: 'active' }, 1, true))).toBeUndefined();
      expect(ruleOf(() => assertRemovable({ id: 'PM-0001', status: 'expired' }, 0, true))).toBeUndefined();
    });
    it('refuses a removed card', () => expect(ruleOf(() => assertRemovable({ id: 'PM-0001', status: 'removed' }, 1, false))).toBe('payment.remove_method.already_removed'));
  });

  describe('payment.remove_method.not_last_if_active_subscription', () => {
    it('allows removing the last card without a live line, or a card that is not the last', () => {
      expect(ruleOf(() => assertRemovable({ id: 'PM-0001', status: 'active' }, 0, false))).toBeUndefined();
      expect(ruleOf(() => assertRemovable({ id: 'PM-0001', status: 'active' }, 1, true))).toBeUndefined();
    });
    it('refuses the last card while a line is live', () =>
      expect(ruleOf(() => assertRemovable({ id: 'PM-0001', status: 'active' }, 0, true))).toBe('payment.remove_method.not_last_if_active_subscription'));
  });

  describe('payment.set_default.removed', () => {
    it('allows an active card', () => expect(ruleOf(() => assertCanBeDefault({ id: 'PM-0001', status: 'active' }))).toBeUndefined());
    it.each(['removed', 'expired'] as const)('refuses a %s card', (status) => expect(ruleOf(() => assertCanBeDefault({ id: 'PM-0001', status }))).toBe('payment.set_default.removed'));
  });
});
