import type { AllowanceType } from './balance.calc';
import { rateUsage, unitOfEventType } from './rating.calc';

const ALL = new Set<AllowanceType>(['data', 'voice', 'sms', 'data_roaming']);

describe('rateUsage', () => {
  it('maps event types to buckets and charges nothing', () => {
    expect(rateUsage({ eventType: 'data', quantity: 500, roaming: false }, ALL)).toEqual({
      kind: 'rated',
      allowanceType: 'data',
      consumedQuantity: 500,
      unit: 'mb',
      chargeAmount: '0.00',
    });
    expect(rateUsage({ eventType: 'voice', quantity: 10, roaming: false }, ALL)).toMatchObject({ allowanceType: 'voice', unit: 'minutes' });
    expect(rateUsage({ eventType: 'voice_minutes', quantity: 10, roaming: false }, ALL)).toMatchObject({ allowanceType: 'voice' });
    expect(rateUsage({ eventType: 'sms', quantity: 1, roaming: false }, ALL)).toMatchObject({ allowanceType: 'sms', unit: 'count' });
  });

  it('routes roaming data to data_roaming, and only data', () => {
    expect(rateUsage({ eventType: 'data', quantity: 100, roaming: true }, ALL)).toMatchObject({ kind: 'rated', allowanceType: 'data_roaming' });
    expect(rateUsage({ eventType: 'voice', quantity: 3, roaming: true }, ALL)).toMatchObject({ kind: 'rated', allowanceType: 'voice' });
  });

  it('rejects roaming data when the line has no roaming bucket', () => {
    expect(rateUsage({ eventType: 'data', quantity: 100, roaming: true }, new Set<AllowanceType>(['data']))).toEqual({
      kind: 'rejected',
      allowanceType: 'data_roaming',
      reason: 'rating.no_roaming_allowance',
    });
  });

  it('leaves usage without a matching bucket unrated', () => {
    expect(rateUsage({ eventType: 'sms', quantity: 1, roaming: false }, new Set<AllowanceType>(['data']))).toMatchObject({
      kind: 'unrated',
      reason: 'rating.no_matching_allowance',
    });
  });

  it('knows the unit of each event type', () => {
    expect(unitOfEventType('data')).toBe('mb');
    expect(unitOfEventType('voice_minutes')).toBe('minutes');
    expect(unitOfEventType('sms')).toBe('count');
  });
});
