import {
  assertMsisdnBelongsToSubscription,
  assertPositiveQuantity,
  assertRoamingBalance,
  assertUsageLineActive,
  assertUsageLineExists,
  assertValidEventType,
} from './usage.policies';
import { ruleOf } from '@bss/testing';

const line = { id: 'SUB-0001', msisdn: '90000001', state: 'active' as const };

describe('usage policies', () => {
  it('usage.record.positive_quantity: allows > 0, denies 0 and negatives', () => {
    expect(ruleOf(() => assertPositiveQuantity(1))).toBeUndefined();
    expect(ruleOf(() => assertPositiveQuantity(0))).toBe('usage.record.positive_quantity');
    expect(ruleOf(() => assertPositiveQuantity(-5))).toBe('usage.record.positive_quantity');
  });

  it('usage.record.valid_event_type: allows data/voice/voice_minutes/sms, denies others', () => {
    for (const t of ['data', 'voice', 'voice_minutes', 'sms']) expect(ruleOf(() => assertValidEventType(t))).toBeUndefined();
    expect(ruleOf(() => assertValidEventType('mms'))).toBe('usage.record.valid_event_type');
  });

  it('usage.record.subscription_must_exist: allows a known line, denies none', () => {
    expect(ruleOf(() => assertUsageLineExists(line, '90000001'))).toBeUndefined();
    expect(ruleOf(() => assertUsageLineExists(undefined, '90000001'))).toBe('usage.record.subscription_must_exist');
  });

  it('usage.record.msisdn_belongs_to_subscription: allows a matching or absent claim, denies a mismatch', () => {
    expect(ruleOf(() => assertMsisdnBelongsToSubscription(line, undefined))).toBeUndefined();
    expect(ruleOf(() => assertMsisdnBelongsToSubscription(line, 'SUB-0001'))).toBeUndefined();
    expect(ruleOf(() => assertMsisdnBelongsToSubscription(line, 'SUB-0002'))).toBe('usage.record.msisdn_belongs_to_subscription');
  });

  it('usage.record.subscription_must_be_active: allows active, denies blocked', () => {
    expect(ruleOf(() => assertUsageLineActive(line))).toBeUndefined();
    expect(ruleOf(() => assertUsageLineActive({ ...line, state: 'blocked' }))).toBe('usage.record.subscription_must_be_active');
  });

  it('subscription.usage_rated.roaming_balance_required: allows quota left or unlimited, denies empty or missing', () => {
    expect(ruleOf(() => assertRoamingBalance('SUB-0001', { total: 500, consumed: 499 }))).toBeUndefined();
    expect(ruleOf(() => assertRoamingBalance('SUB-0001', { total: -1, consumed: 0 }))).toBeUndefined();
    expect(ruleOf(() => assertRoamingBalance('SUB-0001', { total: 0, consumed: 0 }))).toBe('subscription.usage_rated.roaming_balance_required');
    expect(ruleOf(() => assertRoamingBalance('SUB-0001', { total: 500, consumed: 500 }))).toBe('subscription.usage_rated.roaming_balance_required');
    expect(ruleOf(() => assertRoamingBalance('SUB-0001', undefined))).toBe('subscription.usage_rated.roaming_balance_required');
  });
});
