import type { WriteScope } from '@bss/audit';
import { isDataExhausted, type AllowanceType } from '#subscription/domain/balance.calc';
import type { BundleBalanceEntity } from '#subscription/domain/bundle-balance.entity';
import { SubscriptionEntity } from '#subscription/domain/subscription.entity';
import { topUpUnblocks } from '#subscription/policies/subscription.policies';
import { dataUnlimitedUntil } from '#subscription/queries/subscription.queries';
import { applyTransition } from './subscription.store';

// What a changed bucket does to its line, shared by the adjustment and transfer commands: the same
// block-on-exhaust and unblock-on-top-up rules rating and `subscription.vas` apply.

/**
 * After a credit: a line blocked for exhausted data comes back exactly as a top-up brings it back
 * (`topUpUnblocks`). After a debit: an active line whose home data is now exhausted is blocked, as
 * rating blocks it. Returns what happened to the line.
 */
export async function settleLineAfterBalanceChange(
  w: WriteScope,
  line: SubscriptionEntity,
  balances: ReadonlyMap<AllowanceType, BundleBalanceEntity>,
  change: { allowanceType: AllowanceType; quantity: number; reason: string },
): Promise<'unblocked' | 'blocked' | 'unchanged'> {
  if (change.allowanceType !== 'data') return 'unchanged';
  const exhausted = isDataExhausted(balances.get('data'), (await dataUnlimitedUntil(w.tx, line.id, w.now)) !== null);
  if (change.quantity > 0 && topUpUnblocks(line, w.now, exhausted)) {
    await applyTransition(w, line, 'top_up', change.reason);
    await w.tx.update(SubscriptionEntity, { id: line.id }, { state: line.state, stateReason: line.stateReason, updatedAt: w.now });
    await w.emit({ eventType: 'subscription.unblocked', aggregateType: 'subscription', aggregateId: line.id, payload: { subscriptionId: line.id, reason: change.reason } });
    return 'unblocked';
  }
  if (change.quantity < 0 && line.state === 'active' && exhausted) {
    const data = balances.get('data');
    await applyTransition(w, line, 'exhaust', 'exhausted');
    await w.tx.update(SubscriptionEntity, { id: line.id }, { state: line.state, stateReason: line.stateReason, updatedAt: w.now });
    await w.emit({
      eventType: 'subscription.exhausted',
      aggregateType: 'subscription',
      aggregateId: line.id,
      payload: { subscriptionId: line.id, allowanceType: 'data', consumed: data?.consumed ?? 0, total: data?.total ?? 0, triggeredBy: change.reason },
    });
    await w.emit({ eventType: 'subscription.blocked', aggregateType: 'subscription', aggregateId: line.id, payload: { subscriptionId: line.id, reason: 'exhausted' } });
    return 'blocked';
  }
  return 'unchanged';
}
