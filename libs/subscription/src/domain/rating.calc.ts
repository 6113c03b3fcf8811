import { USAGE_REJECTION_REASONS } from '#subscription/subscription.errors';
import { UNIT_OF_ALLOWANCE, type AllowanceType, type AllowanceUnit } from './balance.calc';

export const USAGE_EVENT_TYPES = ['data', 'voice', 'voice_minutes', 'sms'] as const;
export type UsageEventType = (typeof USAGE_EVENT_TYPES)[number];

export function isUsageEventType(value: string): value is UsageEventType {
  return (USAGE_EVENT_TYPES as readonly string[]).includes(value);
}

const HOME_ALLOWANCE: Readonly<Record<UsageEventType, AllowanceType>> = {
  data: 'data',
  voice: 'voice',
  voice_minutes: 'voice',
  sms: 'sms',
};

/** The unit an event type is measured in (data=mb, voice=minutes, sms=count). */
export function unitOfEventType(eventType: UsageEventType): AllowanceUnit {
  return UNIT_OF_ALLOWANCE[HOME_ALLOWANCE[eventType]];
}

export interface RatableUsage {
  eventType: UsageEventType;
  quantity: number;
  roaming: boolean;
}

export type RatingResult =
  | { kind: 'rated'; allowanceType: AllowanceType; consumedQuantity: number; unit: AllowanceUnit; chargeAmount: '0.00' }
  /** Roaming data on a line without a roaming bucket: rejected, the line keeps working at home. */
  | { kind: 'rejected'; allowanceType: 'data_roaming'; reason: typeof USAGE_REJECTION_REASONS.noRoamingAllowance }
  /** No bucket for this kind of usage: logged, nothing consumed. */
  | { kind: 'unrated'; allowanceType: AllowanceType; reason: typeof USAGE_REJECTION_REASONS.noMatchingAllowance };

/**
 * Pure rating of a bundled prepaid event: it picks the bucket (roaming data goes to
 * `data_roaming`, which must exist even with quantity 0) and charges nothing.
 */
export function rateUsage(usage: RatableUsage, buckets: ReadonlySet<AllowanceType>): RatingResult {
  const home = HOME_ALLOWANCE[usage.eventType];
  if (usage.roaming && home === 'data') {
    if (!buckets.has('data_roaming')) return { kind: 'rejected', allowanceType: 'data_roaming', reason: USAGE_REJECTION_REASONS.noRoamingAllowance };
    return { kind: 'rated', allowanceType: 'data_roaming', consumedQuantity: usage.quantity, unit: 'mb', chargeAmount: '0.00' };
  }
  if (!buckets.has(home)) return { kind: 'unrated', allowanceType: home, reason: USAGE_REJECTION_REASONS.noMatchingAllowance };
  return { kind: 'rated', allowanceType: home, consumedQuantity: usage.quantity, unit: UNIT_OF_ALLOWANCE[home], chargeAmount: '0.00' };
}
