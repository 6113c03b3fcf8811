import { In } from 'typeorm';
import type { WriteScope } from '@bss/audit';
import { NotFound } from '@bss/platform';
import { balanceId, UNIT_OF_ALLOWANCE, type AllowanceType } from '#subscription/domain/balance.calc';
import { BundleBalanceEntity } from '#subscription/domain/bundle-balance.entity';
import { SubscriptionEntity } from '#subscription/domain/subscription.entity';
import { SubscriptionStateHistoryEntity } from '#subscription/domain/subscription-state-history.entity';
import { nextSubscriptionState, type SubscriptionState, type SubscriptionTrigger } from '#subscription/domain/subscription.state';

// Shared write steps of the subscription commands. Lock order is always the subscription row
// first, then its balance rows, so concurrent usage, top-ups and renewals never deadlock.

/** Loads and locks one line (`FOR UPDATE`) in the caller's transaction; NotFound naming the id. */
export async function lockSubscription(w: WriteScope, subscriptionId: string): Promise<SubscriptionEntity> {
  const subscription = (await lockSubscriptions(w, [subscriptionId])).get(subscriptionId);
  if (!subscription) throw new NotFound('subscription', subscriptionId);
  return subscription;
}

/**
 * `lockSubscription` for a sweep: the line locked, or null when another transaction holds it
 * (`FOR UPDATE SKIP LOCKED`), so background work never queues behind (or deadlocks with) a live write.
 */
export async function lockSubscriptionIfFree(w: WriteScope, subscriptionId: string): Promise<SubscriptionEntity | null> {
  return w.tx.findOne(SubscriptionEntity, { where: { id: subscriptionId, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' } });
}

/** The line's balance rows, locked, keyed by allowance type. */
export async function lockBalances(w: WriteScope, subscriptionId: string): Promise<Map<AllowanceType, BundleBalanceEntity>> {
  return (await lockBalancesOf(w, [subscriptionId])).get(subscriptionId) ?? new Map();
}

export function newBalance(w: WriteScope, subscription: SubscriptionEntity, allowanceType: AllowanceType, total: number, periodEnd: Date): BundleBalanceEntity {
  return w.tx.create(BundleBalanceEntity, {
    id: balanceId(subscription.id, allowanceType),
    tenantId: subscription.tenantId,
    subscriptionId: subscription.id,
    allowanceType,
    total,
    consumed: 0,
    unit: UNIT_OF_ALLOWANCE[allowanceType],
    periodStart: subscription.currentPeriodStart ?? w.now,
    periodEnd,
    updatedAt: w.now,
  });
}

/**
 * Adds `quantity` (negative takes it away) to the line's bucket of `allowanceType`, or opens that bucket with it as a
 * top-up does; `balances` (the line's locked buckets) is kept in step. Returns the bucket as it now stands.
 */
export async function addToBucket(
  w: WriteScope,
  line: SubscriptionEntity,
  balances: Map<AllowanceType, BundleBalanceEntity>,
  allowanceType: AllowanceType,
  quantity: number,
): Promise<BundleBalanceEntity> {
  const bucket = balances.get(allowanceType);
  if (bucket) {
    bucket.total += quantity;
    bucket.updatedAt = w.now;
    await w.tx.update(BundleBalanceEntity, { id: bucket.id }, { total: bucket.total, updatedAt: w.now });
    return bucket;
  }
  const created = newBalance(w, line, allowanceType, quantity, line.currentPeriodEnd ?? w.now);
  await w.tx.insert(BundleBalanceEntity, created);
  balances.set(created.allowanceType, created);
  return created;
}

/**
 * Fires `trigger` on the line (PolicyViolation `rule` when illegal), records the history row and
 * returns the previous state. The caller saves the line.
 */
export async function applyTransition(
  w: WriteScope,
  subscription: SubscriptionEntity,
  trigger: SubscriptionTrigger,
  reason: string | null,
  rule?: string,
): Promise<SubscriptionState> {
  const { from, history } = fireTransition(w, subscription, trigger, reason, rule);
  await w.tx.insert(SubscriptionStateHistoryEntity, history);
  return from;
}

/** `applyTransition` without the write: the history row is returned for the caller to insert with others. */
export function fireTransition(
  w: WriteScope,
  subscription: SubscriptionEntity,
  trigger: SubscriptionTrigger,
  reason: string | null,
  rule?: string,
): { from: SubscriptionState; history: Partial<SubscriptionStateHistoryEntity> } {
  const from = subscription.state;
  subscription.state = nextSubscriptionState(subscription, trigger, rule);
  subscription.stateReason = reason;
  subscription.updatedAt = w.now;
  return { from, history: historyRow(w, subscription, from, trigger, reason) };
}

export async function recordHistory(
  w: WriteScope,
  subscription: SubscriptionEntity,
  from: SubscriptionState | null,
  trigger: SubscriptionTrigger | 'create',
  reason: string | null,
): Promise<void> {
  await w.tx.insert(SubscriptionStateHistoryEntity, historyRow(w, subscription, from, trigger, reason));
}

function historyRow(
  w: WriteScope,
  subscription: SubscriptionEntity,
  from: SubscriptionState | null,
  trigger: SubscriptionTrigger | 'create',
  reason: string | null,
): Partial<SubscriptionStateHistoryEntity> {
  return {
    tenantId: subscription.tenantId,
    subscriptionId: subscription.id,
    fromState: from,
    toState: subscription.state,
    trigger,
    reason,
    actor: w.auth.actor,
    changedAt: w.now,
  };
}

/** Writes every column of a loaded, locked line (no read-before-write). */
export async function saveSubscription(w: WriteScope, subscription: SubscriptionEntity): Promise<void> {
  await saveSubscriptions(w, [subscription]);
}

/**
 * Writes every column of many loaded, locked lines in one statement: an upsert on the primary key
 * whose insert half never runs, because every row exists and is locked by the caller.
 */
export async function saveSubscriptions(w: WriteScope, subscriptions: readonly SubscriptionEntity[]): Promise<void> {
  if (subscriptions.length === 0) return;
  for (const subscription of subscriptions) subscription.updatedAt = w.now;
  await w.tx.upsert(SubscriptionEntity, subscriptions as SubscriptionEntity[], { conflictPaths: ['id'] });
}

/** Loads and locks many lines, in id order so concurrent batch writers never deadlock; missing ids are simply absent. */
export async function lockSubscriptions(w: WriteScope, subscriptionIds: readonly string[]): Promise<Map<string, SubscriptionEntity>> {
  const rows = await w.tx.find(SubscriptionEntity, {
    where: { id: In([...subscriptionIds]), tenantId: w.auth.tenant },
    lock: { mode: 'pessimistic_write' },
    order: { id: 'ASC' },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

/** The balance rows of many lines, locked after their lines (see the lock order above). */
export async function lockBalancesOf(w: WriteScope, subscriptionIds: readonly string[]): Promise<Map<string, Map<AllowanceType, BundleBalanceEntity>>> {
  const rows = await w.tx.find(BundleBalanceEntity, {
    where: { subscriptionId: In([...subscriptionIds]) },
    lock: { mode: 'pessimistic_write' },
    order: { subscriptionId: 'ASC', id: 'ASC' },
  });
  const bySubscription = new Map<string, Map<AllowanceType, BundleBalanceEntity>>(subscriptionIds.map((id) => [id, new Map()]));
  for (const row of rows) bySubscription.get(row.subscriptionId)?.set(row.allowanceType, row);
  return bySubscription;
}

/** Totals, consumption and periods of loaded, locked balance rows in one statement. */
export async function saveBalances(w: WriteScope, balances: readonly BundleBalanceEntity[]): Promise<void> {
  if (balances.length === 0) return;
  await w.tx.query(
    `update subscription.bundle_balance b
        set total = v.total, consumed = v.consumed, period_start = v.period_start, period_end = v.period_end, updated_at = v.updated_at
       from unnest($1::text[], $2::int[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[])
         as v(id, total, consumed, period_start, period_end, updated_at)
      where b.id = v.id`,
    [
      balances.map((b) => b.id),
      balances.map((b) => b.total),
      balances.map((b) => b.consumed),
      balances.map((b) => b.periodStart),
      balances.map((b) => b.periodEnd),
      balances.map((b) => b.updatedAt),
    ],
  );
}
