import { PolicyViolation } from '@bss/platform';
import { SUBSCRIPTION_RULES as R } from '#subscription/subscription.errors';
import { isUnlimited, remainingOf, type BalanceAmounts } from '#subscription/domain/balance.calc';
import { isUsageEventType, USAGE_EVENT_TYPES, type UsageEventType } from '#subscription/domain/rating.calc';
import type { SubscriptionState } from '#subscription/domain/subscription.state';

interface UsageLine {
  id: string;
  msisdn: string;
  state: SubscriptionState;
}

// Mediation checks, in the order the spec runs them (§7.4).

/** 1. `usage.record.positive_quantity`. */
export function assertPositiveQuantity(quantity: number): void {
  if (!(quantity > 0)) throw new PolicyViolation(R.usagePositiveQuantity, `Usage quantity must be greater than 0, got ${quantity}`, { quantity });
}

/** 2. `usage.record.valid_event_type`. */
export function assertValidEventType(eventType: string): asserts eventType is UsageEventType {
  if (!isUsageEventType(eventType)) {
    throw new PolicyViolation(R.usageValidEventType, `Unknown usage event type "${eventType}"`, { eventType, allowed: [...USAGE_EVENT_TYPES] });
  }
}

/** 3. `usage.record.subscription_must_exist`: a live line holds the MSISDN. */
export function assertUsageLineExists<L extends UsageLine>(line: L | null | undefined, msisdn: string): asserts line is L {
  if (!line) throw new PolicyViolation(R.usageSubscriptionMustExist, `No subscription holds MSISDN ${msisdn}`, { msisdn });
}

/** 4. `usage.record.msisdn_belongs_to_subscription`: the sender's enrichment agrees with ours. */
export function assertMsisdnBelongsToSubscription(line: UsageLine, claimedSubscriptionId: string | undefined): void {
  if (claimedSubscriptionId !== undefined && claimedSubscriptionId !== line.id) {
    throw new PolicyViolation(R.usageMsisdnBelongsToSubscription, `MSISDN ${line.msisdn} belongs to ${line.id}, not ${claimedSubscriptionId}`, {
      msisdn: line.msisdn,
      subscriptionId: line.id,
      claimedSubscriptionId,
    });
  }
}

/** 5. `usage.record.subscription_must_be_active`: block usage at the edge. */
export function assertUsageLineActive(line: UsageLine): void {
  if (line.state !== 'active') {
    throw new PolicyViolation(R.usageSubscriptionMustBeActive, `Subscription ${line.id} is ${line.state}; usage is accepted only on active lines`, {
      subscriptionId: line.id,
      msisdn: line.msisdn,
      state: line.state,
    });
  }
}

/** `subscription.usage_rated.roaming_balance_required`: roaming data needs roaming quota left. */
export function assertRoamingBalance(subscriptionId: string, roaming: BalanceAmounts | undefined): void {
  if (!roaming || (!isUnlimited(roaming) && remainingOf(roaming) <= 0)) {
    throw new PolicyViolation(R.usageRatedRoamingBalanceRequired, `Subscription ${subscriptionId} has no roaming data left; buy a roaming top-up`, {
      subscriptionId,
      roamingTotal: roaming?.total ?? null,
      roamingConsumed: roaming?.consumed ?? null,
    });
  }
}
