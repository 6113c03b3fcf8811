import { PolicyViolation } from '@bss/platform';
import { SUBSCRIPTION_RULES as R } from '#subscription/subscription.errors';
import { isUnlimited, remainingOf, UNIT_OF_ALLOWANCE, type AllowanceType, type AllowanceUnit, type BalanceAmounts } from '#subscription/domain/balance.calc';
import type { SubscriptionState } from '#subscription/domain/subscription.state';

interface Line {
  id: string;
  customerId: string;
  state: SubscriptionState;
}

/** The most one adjustment may move, per unit: beyond it an operator raises a case, not a partner call. */
export const ADJUSTMENT_CAP: Readonly<Record<AllowanceUnit, number>> = { mb: 10_240, minutes: 600, count: 500 };

/** What an adjustment or transfer asks of one bucket. */
export interface BucketChange {
  allowanceType: AllowanceType;
  /** Signed: > 0 credits, < 0 debits. */
  quantity: number;
  unit: string;
}

/** `subscription.adjust_balance.*`: a live line, a non-zero quantity within the cap, the bucket's unit, a limited bucket, nothing left negative. */
export function assertBalanceAdjustable(line: Line, change: BucketChange, bucket: BalanceAmounts | undefined): void {
  const context = { subscriptionId: line.id, allowanceType: change.allowanceType, quantity: change.quantity, unit: change.unit };
  if (line.state !== 'active' && line.state !== 'blocked') {
    throw new PolicyViolation(R.adjustBalanceLineLive, `Subscription ${line.id} is ${line.state}; only active or blocked lines are adjusted`, { ...context, state: line.state });
  }
  if (change.quantity === 0) throw new PolicyViolation(R.adjustBalanceNonZeroQuantity, 'An adjustment credits or debits something; 0 changes nothing', context);
  const unit = UNIT_OF_ALLOWANCE[change.allowanceType];
  if (change.unit !== unit) {
    throw new PolicyViolation(R.adjustBalanceUnitMatchesBucket, `The ${change.allowanceType} bucket counts in ${unit}, not ${change.unit}`, { ...context, bucketUnit: unit });
  }
  if (Math.abs(change.quantity) > ADJUSTMENT_CAP[unit]) {
    throw new PolicyViolation(R.adjustBalanceWithinCap, `One adjustment moves at most ${ADJUSTMENT_CAP[unit]} ${unit}`, { ...context, cap: ADJUSTMENT_CAP[unit] });
  }
  if (bucket && isUnlimited(bucket)) {
    throw new PolicyViolation(R.adjustBalanceLimitedBucket, `The ${change.allowanceType} bucket of ${line.id} is unlimited; there is nothing to adjust`, context);
  }
  const remaining = bucket ? remainingOf(bucket) : 0;
  if (remaining + change.quantity < 0) {
    throw new PolicyViolation(R.adjustBalanceNoNegativeRemaining, `Only ${remaining} ${unit} of ${change.allowanceType} remain on ${line.id}`, { ...context, remaining });
  }
}

/** `subscription.transfer_balance.*`: two lines of one customer, both active, limited buckets in the bucket's unit, enough left to give. */
export function assertBalanceTransferable(
  from: Line,
  to: Line,
  change: BucketChange,
  buckets: { from: BalanceAmounts | undefined; to: BalanceAmounts | undefined },
): void {
  const context = { fromSubscriptionId: from.id, toSubscriptionId: to.id, allowanceType: change.allowanceType, quantity: change.quantity, unit: change.unit };
  if (from.id === to.id) throw new PolicyViolation(R.transferBalanceDistinctLines, `A transfer moves allowance between two lines, not within ${from.id}`, context);
  if (from.customerId !== to.customerId) {
    throw new PolicyViolation(R.transferBalanceSameCustomer, `${from.id} and ${to.id} belong to different customers`, context);
  }
  for (const line of [from, to]) {
    if (line.state !== 'active') {
      throw new PolicyViolation(R.transferBalanceLinesActive, `Subscription ${line.id} is ${line.state}; both lines of a transfer must be active`, { ...context, subscriptionId: line.id, state: line.state });
    }
  }
  const unit = UNIT_OF_ALLOWANCE[change.allowanceType];
  if (change.unit !== unit) throw new PolicyViolation(R.transferBalanceSameUnit, `The ${change.allowanceType} bucket counts in ${unit}, not ${change.unit}`, { ...context, bucketUnit: unit });
  if ((buckets.from && isUnlimited(buckets.from)) || (buckets.to && isUnlimited(buckets.to))) {
    throw new PolicyViolation(R.transferBalanceLimitedBuckets, `Unlimited ${change.allowanceType} is neither given nor topped up by a transfer`, context);
  }
  const remaining = buckets.from ? remainingOf(buckets.from) : 0;
  if (remaining < change.quantity) {
    throw new PolicyViolation(R.transferBalanceEnoughRemaining, `Only ${remaining} ${unit} of ${change.allowanceType} remain on ${from.id}`, { ...context, remaining });
  }
}

/** What an applied top-up or transfer reads as: both take effect in the transaction that creates them. */
export const APPLIED_STATUS = 'confirmed';

/**
 * `subscription.vas.purchase_final` / `subscription.transfer_balance.final`: a top-up is charged
 * and credited, a transfer moved, in the transaction that created it, so neither has a later
 * status to move to; asking for the status it has is a no-op.
 */
export function assertStatusUnchanged(kind: 'vas_purchase' | 'balance_transfer', id: string, requested: string): void {
  if (requested === APPLIED_STATUS) return;
  const rule = kind === 'vas_purchase' ? R.vasPurchaseFinal : R.transferBalanceFinal;
  const what = kind === 'vas_purchase' ? 'top-up was charged and credited' : 'transfer was applied';
  throw new PolicyViolation(rule, `The ${what} when it was made; its status stays ${APPLIED_STATUS}, not ${requested}`, { id, status: APPLIED_STATUS, requestedStatus: requested });
}

/** `subscription.reserve_balance.*`: an active line (only active lines use service), the bucket's unit, a limited bucket with enough left. */
export function assertBalanceReservable(line: Line, change: BucketChange, bucket: BalanceAmounts | undefined): void {
  const context = { subscriptionId: line.id, allowanceType: change.allowanceType, quantity: change.quantity, unit: change.unit };
  if (line.state !== 'active') throw new PolicyViolation(R.reserveBalanceLineActive, `Subscription ${line.id} is ${line.state}; only an active line reserves for usage`, { ...context, state: line.state });
  const unit = UNIT_OF_ALLOWANCE[change.allowanceType];
  if (change.unit !== unit) throw new PolicyViolation(R.reserveBalanceUnitMatchesBucket, `The ${change.allowanceType} bucket counts in ${unit}, not ${change.unit}`, { ...context, bucketUnit: unit });
  if (bucket && isUnlimited(bucket)) throw new PolicyViolation(R.reserveBalanceLimitedBucket, `The ${change.allowanceType} bucket of ${line.id} is unlimited; nothing needs holding`, context);
  const remaining = bucket ? remainingOf(bucket) : 0;
  if (remaining < change.quantity) throw new PolicyViolation(R.reserveBalanceEnoughRemaining, `Only ${remaining} ${unit} of ${change.allowanceType} remain on ${line.id}`, { ...context, remaining });
}

/**
 * `subscription.release_reservation.reservation_held` / `subscription.deduct_reservation.*`: a held
 * reservation ("already released / deducted / expired" otherwise), deducting no more than it holds.
 *
 * A deduct at or past `expiresAt` is refused (`…deduct_reservation.not_expired`) even while the
 * sweep has not yet turned the hold `expired`. Why refuse rather than expire it on the spot: the
 * charging system was granted the hold for its validity only, so a deduct after it must fail
 * whether or not the sweep happened to run first (one answer, not a race); expiring it here would
 * need a second transaction that commits while the verb itself fails, and would write the expiry
 * under the partner's name instead of the sweep's. The sweep returns the hold on its next tick.
 * A release past the time is allowed: it returns the hold exactly as the expiry would.
 */
export function assertReservationClosable(
  reservation: { id: string; state: string; quantity: number; expiresAt: Date },
  verb: 'release' | 'deduct',
  now: Date,
  deductQuantity?: number,
): void {
  const context = { reservationId: reservation.id, state: reservation.state, quantity: reservation.quantity, expiresAt: reservation.expiresAt.toISOString() };
  if (reservation.state !== 'held') {
    throw new PolicyViolation(verb === 'release' ? R.releaseReservationHeld : R.deductReservationHeld, `Reservation ${reservation.id} is already ${reservation.state}`, context);
  }
  if (verb === 'deduct' && reservation.expiresAt.getTime() <= now.getTime()) {
    throw new PolicyViolation(
      R.deductReservationNotExpired,
      `Reservation ${reservation.id} expired at ${reservation.expiresAt.toISOString()}; its hold goes back to the bucket and nothing is deducted from it`,
      context,
    );
  }
  if (verb === 'deduct' && deductQuantity !== undefined && deductQuantity > reservation.quantity) {
    throw new PolicyViolation(R.deductReservationWithinHold, `Reservation ${reservation.id} holds ${reservation.quantity}; ${deductQuantity} cannot be deducted from it`, { ...context, deductQuantity });
  }
}
