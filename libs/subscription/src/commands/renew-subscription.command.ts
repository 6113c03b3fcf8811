import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Matches } from 'class-validator';
import { UnitOfWork, type DomainEventInput, type WriteScope } from '@bss/audit';
import { CatalogQueries, type AllowanceView } from '@bss/catalog';
import { InteractionLog, type InteractionRecordInput } from '@bss/crm';
import { ChargePaymentCommand, PaymentQueries, type PaymentAttemptView } from '@bss/payment';
import { Clock, Database, NotFound, validateInput, Verb } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { SUBSCRIPTION_RULES } from '#subscription/subscription.errors';
import type { AllowanceType } from '#subscription/domain/balance.calc';
import { BundleBalanceEntity } from '#subscription/domain/bundle-balance.entity';
import { periodEndFrom, renewalIdempotencyKey } from '#subscription/domain/period.calc';
import { discountCounterAfterRenewal, effectiveAmount, toCents } from '#subscription/domain/price.calc';
import { SUBSCRIPTION_ID_PATTERN } from '#subscription/domain/subscription.ids';
import { SubscriptionEntity } from '#subscription/domain/subscription.entity';
import { toSubscriptionView, type SubscriptionView } from '#subscription/domain/subscription.views';
import { assertHasPaymentMethod, assertRenewable } from '#subscription/policies/subscription.policies';
import { dataUnlimitedUntilOf } from '#subscription/queries/subscription.queries';
import { SubscriptionStateHistoryEntity } from '#subscription/domain/subscription-state-history.entity';
import { fireTransition, lockBalancesOf, lockSubscriptions, newBalance, saveBalances, saveSubscriptions } from './subscription.store';

/** Lookups shared by the renewals of one sweep, so thousands of lines do not repeat them. */
export interface RenewalMemo {
  /** Offering id → its (never versioned) allowances. */
  allowances: Map<string, Promise<AllowanceView[]>>;
  /**
   * Customers seen with an active card. Only "yes" is remembered: a card removed mid-sweep is still
   * refused by the charge itself, while a card added mid-sweep is noticed.
   */
  customersWithCard: Set<string>;
}

export function newRenewalMemo(): RenewalMemo {
  return { allowances: new Map(), customersWithCard: new Set() };
}

export class RenewSubscriptionInput {
  @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'subscriptionId must look like SUB-0001' }) subscriptionId!: string;
}

export interface RenewSubscriptionResult {
  /** `already_renewed`: another renewal of the same boundary got there first; nothing was charged twice. */
  outcome: 'renewed' | 'payment_declined' | 'already_renewed';
  subscription: SubscriptionView;
  paymentAttempt: PaymentAttemptView | null;
  /** A pending change applied (or attempted) by this renewal. */
  pivot: 'plan_change' | 'price_migration' | null;
}

/** What the renewal of one boundary charges, fixed before the charge and re-checked after it. */
interface RenewalPlan {
  subscriptionId: string;
  customerId: string;
  boundary: Date | null;
  declinesAtBoundary: number;
  pivot: RenewSubscriptionResult['pivot'];
  targetOfferingId: string;
  targetPriceId: string;
  amount: string;
  currency: string;
  /** The snapshot price the line moves to on a pivot (full price, fetched by id). */
  targetPriceAmount: string;
  discountApplied: boolean;
  allowances: AllowanceView[];
}

/** Everything one line's renewal writes, gathered so a batch writes each kind in one statement. */
interface LineWrites {
  history: Partial<SubscriptionStateHistoryEntity>[];
  /** Loaded balance rows, changed in place. */
  savedBalances: BundleBalanceEntity[];
  createdBalances: BundleBalanceEntity[];
  events: DomainEventInput[];
  interaction: InteractionRecordInput;
}

/** A planned line with its charge's answer (null when nothing was owed). */
interface ReadyRenewal {
  plan: RenewalPlan;
  attempt: PaymentAttemptView | null;
}

/**
 * Charges the next period and resets the bundle: the snapshot (discounted while the promo
 * counter runs), or on a due pending change the pinned price row at full price. The transition
 * is validated before any charge; the charge is keyed per period boundary so a retried or
 * concurrent renewal of the same boundary never charges twice. Declined → the line is blocked
 * and balances, period and pending change stay as they were.
 *
 * `executeMany` renews a sweep's batch with the same rules: the charges go through the payment
 * context's batch (one pending insert, the gateway per line, one completion), and the lines are
 * renewed in one transaction — or, if that transaction fails, one transaction per line, so one
 * bad line never holds back the rest.
 */
@Verb({
  name: 'subscription.renew',
  input: RenewSubscriptionInput,
  summary: 'Renew a line now: charge the next period, reset the bundle (a blocked line comes back when paid)',
})
@Injectable()
export class RenewSubscriptionCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly catalog: CatalogQueries,
    private readonly charge: ChargePaymentCommand,
    private readonly payments: PaymentQueries,
    private readonly interactions: InteractionLog,
  ) {}

  /** `memo`: shared by the renewals of one sweep (see RenewalMemo); a lone renewal gets its own. */
  async execute(input: RenewSubscriptionInput, memo: RenewalMemo = newRenewalMemo()): Promise<RenewSubscriptionResult> {
    const dto = await validateInput(RenewSubscriptionInput, input);
    const [result] = await this.executeMany([dto.subscriptionId], memo);
    if (!result) throw new Error('a renewal batch of one answered nothing');
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  }

  /** One answer per id, in input order: the renewal's result, or why that line was not renewed. */
  async executeMany(subscriptionIds: readonly string[], memo: RenewalMemo = newRenewalMemo()): Promise<PromiseSettledResult<RenewSubscriptionResult>[]> {
    const bySubscription = new Map<string, PromiseSettledResult<RenewSubscriptionResult>>();
    const refuse = (subscriptionId: string, reason: unknown) => bySubscription.set(subscriptionId, { status: 'rejected', reason });
    const ids = [...new Set(subscriptionIds)];
    const lines = new Map(
      (await this.db.manager.findBy(SubscriptionEntity, { id: In(ids), tenantId: currentAuth().tenant })).map((line) => [line.id, line]),
    );
    const now = await this.clock.now();
    const unknownCustomers = [...new Set([...lines.values()].map((line) => line.customerId).filter((id) => !memo.customersWithCard.has(id)))];
    for (const customerId of await this.payments.customersWithActiveMethod(unknownCustomers)) memo.customersWithCard.add(customerId);

    const plans: RenewalPlan[] = [];
    for (const id of ids) {
      try {
        const line = lines.get(id);
        if (!line) throw new NotFound('subscription', id);
        assertRenewable(line);
        assertHasPaymentMethod(memo.customersWithCard.has(line.customerId), SUBSCRIPTION_RULES.renewNoPaymentMethod, { subscriptionId: line.id, customerId: line.customerId });
        plans.push(await this.plan(line, now, memo.allowances));
      } catch (error) {
        refuse(id, error);
      }
    }

    const charged = plans.filter((plan) => toCents(plan.amount) > 0);
    const attempts = await this.charge.executeMany(
      charged.map((plan) => ({
        customerId: plan.customerId,
        amount: plan.amount,
        currency: plan.currency,
        purpose: 'renewal' as const,
        idempotencyKey: renewalIdempotencyKey(plan.subscriptionId, plan.boundary ?? now, plan.declinesAtBoundary),
      })),
    );
    const attemptOf = new Map<string, PaymentAttemptView>();
    for (const [i, attempt] of attempts.entries()) {
      const plan = charged[i] as RenewalPlan;
      if (attempt.status === 'rejected') refuse(plan.subscriptionId, attempt.reason);
      else attemptOf.set(plan.subscriptionId, attempt.value);
    }
    const ready: ReadyRenewal[] = plans
      .filter((plan) => !bySubscription.has(plan.subscriptionId))
      .map((plan) => ({ plan, attempt: attemptOf.get(plan.subscriptionId) ?? null }));

    if (ready.length > 0) await this.applyAll(ready, bySubscription);
    return subscriptionIds.map((id) => bySubscription.get(id) ?? { status: 'rejected', reason: new Error(`renewal of ${id} answered nothing`) });
  }

  /** One transaction for the whole batch; if it fails, one per line, so a bad line only refuses itself. */
  private async applyAll(items: readonly ReadyRenewal[], into: Map<string, PromiseSettledResult<RenewSubscriptionResult>>): Promise<void> {
    try {
      for (const [id, result] of await this.uow.run((w) => this.applyMany(w, items))) into.set(id, result);
    } catch (error) {
      if (items.length === 1) into.set((items[0] as ReadyRenewal).plan.subscriptionId, { status: 'rejected', reason: error });
      else for (const item of items) await this.applyAll([item], into);
    }
  }

  private async plan(line: SubscriptionEntity, now: Date, memo: RenewalMemo['allowances']): Promise<RenewalPlan> {
    const allowancesOf = (offeringId: string) => {
      const known = memo.get(offeringId) ?? this.catalog.allowances(offeringId);
      memo.set(offeringId, known);
      return known;
    };
    const due = line.pendingOfferingId !== null && line.pendingOfferingPriceId !== null && line.pendingEffectiveAt !== null && line.pendingEffectiveAt <= now;
    const base = { subscriptionId: line.id, customerId: line.customerId, boundary: line.nextRenewalAt, declinesAtBoundary: line.renewalDeclineCount };
    if (due && line.pendingOfferingId && line.pendingOfferingPriceId) {
      const price = await this.catalog.priceById(line.pendingOfferingPriceId);
      return {
        ...base,
        pivot: line.pendingOfferingId === line.offeringId ? 'price_migration' : 'plan_change',
        targetOfferingId: line.pendingOfferingId,
        targetPriceId: price.id,
        amount: price.amount,
        currency: price.currency,
        targetPriceAmount: price.amount,
        discountApplied: false,
        allowances: await allowancesOf(line.pendingOfferingId),
      };
    }
    const amount = effectiveAmount(line);
    return {
      ...base,
      pivot: null,
      targetOfferingId: line.offeringId,
      targetPriceId: line.priceOfferingPriceId,
      amount,
      currency: line.priceCurrency,
      targetPriceAmount: line.priceAmount,
      discountApplied: toCents(amount) !== toCents(line.priceAmount),
      allowances: await allowancesOf(line.offeringId),
    };
  }

  /**
   * Locks the lines and then their balances, re-checks each boundary, and writes every line's
   * renewal (or decline) with one statement per kind of row. A line refused here writes nothing.
   */
  private async applyMany(w: WriteScope, items: readonly ReadyRenewal[]): Promise<Map<string, PromiseSettledResult<RenewSubscriptionResult>>> {
    const ids = items.map((item) => item.plan.subscriptionId);
    const lines = await lockSubscriptions(w, ids);
    const balancesOf = await lockBalancesOf(w, ids);
    const overlays = await dataUnlimitedUntilOf(w.tx, ids, w.now);
    const results = new Map<string, PromiseSettledResult<RenewSubscriptionResult>>();
    const changed: SubscriptionEntity[] = [];
    const writes: LineWrites[] = [];
    for (const { plan, attempt } of items) {
      try {
        const line = lines.get(plan.subscriptionId);
        if (!line) throw new NotFound('subscription', plan.subscriptionId);
        const balances = balancesOf.get(line.id) ?? new Map<AllowanceType, BundleBalanceEntity>();
        const sameBoundary = (line.nextRenewalAt?.getTime() ?? null) === (plan.boundary?.getTime() ?? null) && line.renewalDeclineCount === plan.declinesAtBoundary;
        let outcome: Omit<RenewSubscriptionResult, 'subscription'>;
        if (!sameBoundary) {
          outcome = { outcome: 'already_renewed', paymentAttempt: attempt, pivot: null };
        } else {
          assertRenewable(line);
          const approved = attempt === null || attempt.status === 'approved';
          const renewal = approved ? this.renew(w, line, balances, plan, attempt) : this.fail(w, line, plan, attempt);
          outcome = renewal.outcome;
          writes.push(renewal.writes);
          changed.push(line);
        }
        results.set(line.id, { status: 'fulfilled', value: { ...outcome, subscription: toSubscriptionView(line, [...balances.values()], overlays.get(line.id) ?? null) } });
      } catch (error) {
        results.set(plan.subscriptionId, { status: 'rejected', reason: error });
      }
    }
    if (changed.length === 0) return results;

    await saveSubscriptions(w, changed);
    await w.tx.insert(SubscriptionStateHistoryEntity, writes.flatMap((write) => write.history));
    await saveBalances(w, writes.flatMap((write) => write.savedBalances));
    const created = writes.flatMap((write) => write.createdBalances);
    if (created.length > 0) await w.tx.insert(BundleBalanceEntity, created);
    await w.emitMany(writes.flatMap((write) => write.events));
    await this.interactions.recordMany(w, writes.map((write) => write.interaction));
    return results;
  }

  private renew(
    w: WriteScope,
    line: SubscriptionEntity,
    balances: Map<AllowanceType, BundleBalanceEntity>,
    plan: RenewalPlan,
    attempt: PaymentAttemptView | null,
  ): { outcome: Omit<RenewSubscriptionResult, 'subscription'>; writes: LineWrites } {
    const periodEnd = periodEndFrom(w.now);
    const previousOfferingId = line.offeringId;
    line.currentPeriodStart = w.now;
    line.currentPeriodEnd = periodEnd;
    line.nextRenewalAt = periodEnd;
    line.renewalDeclineCount = 0;
    if (plan.pivot) {
      line.offeringId = plan.targetOfferingId;
      line.priceAmount = plan.targetPriceAmount;
      line.priceCurrency = plan.currency;
      line.priceOfferingPriceId = plan.targetPriceId;
      line.pendingOfferingId = null;
      line.pendingOfferingPriceId = null;
      line.pendingEffectiveAt = null;
      line.discountType = null;
      line.discountValue = null;
      line.discountPeriodsRemaining = 0;
      line.promoCode = null;
      line.promoOfferDefinitionId = null;
    } else {
      line.discountPeriodsRemaining = discountCounterAfterRenewal(line.discountPeriodsRemaining);
    }
    const savedBalances = [...balances.values()];
    const createdBalances = resetBalances(w, line, balances, plan.allowances, periodEnd);
    const { from, history } = fireTransition(w, line, 'renew', null);
    const events: DomainEventInput[] = [
      {
        eventType: 'subscription.renewed',
        aggregateType: 'subscription',
        aggregateId: line.id,
        payload: {
          subscriptionId: line.id,
          offeringId: line.offeringId,
          paymentAttemptId: attempt?.id ?? null,
          periodStart: w.now.toISOString(),
          periodEnd: periodEnd.toISOString(),
          priceSnapshot: { priceAmount: line.priceAmount, priceCurrency: line.priceCurrency, priceOfferingPriceId: line.priceOfferingPriceId },
          amountCharged: plan.amount,
          discountApplied: plan.discountApplied,
          previousState: from,
        },
      },
    ];
    if (plan.pivot) {
      events.push({
        eventType: plan.pivot === 'plan_change' ? 'subscription.plan_changed' : 'subscription.price_migrated',
        aggregateType: 'subscription',
        aggregateId: line.id,
        payload: {
          subscriptionId: line.id,
          previousOfferingId,
          newOfferingId: line.offeringId,
          newPriceAmount: line.priceAmount,
          newPriceCurrency: line.priceCurrency,
          newPriceOfferingPriceId: line.priceOfferingPriceId,
        },
      });
    }
    if (from === 'blocked') {
      events.push({ eventType: 'subscription.unblocked', aggregateType: 'subscription', aggregateId: line.id, payload: { subscriptionId: line.id, reason: 'renewal' } });
    }
    return {
      outcome: { outcome: 'renewed', paymentAttempt: attempt, pivot: plan.pivot },
      writes: {
        history: [history],
        savedBalances,
        createdBalances,
        events,
        interaction: {
          customerId: line.customerId,
          summary: `Line ${line.id} renewed on ${line.offeringId} for ${line.priceCurrency} ${plan.amount} until ${periodEnd.toISOString().slice(0, 10)}`,
        },
      },
    };
  }

  private fail(w: WriteScope, line: SubscriptionEntity, plan: RenewalPlan, attempt: PaymentAttemptView | null): { outcome: Omit<RenewSubscriptionResult, 'subscription'>; writes: LineWrites } {
    const { from, history } = fireTransition(w, line, 'renew_fail', 'renew_failed');
    line.renewalDeclineCount += 1;
    const paymentAttemptId = attempt?.id ?? null;
    const events: DomainEventInput[] = [
      {
        eventType: 'subscription.renew_failed',
        aggregateType: 'subscription',
        aggregateId: line.id,
        payload: { subscriptionId: line.id, reason: 'payment_declined', paymentAttemptId, declineReason: attempt?.declineReason ?? null, amount: plan.amount },
      },
    ];
    if (plan.pivot) {
      events.push({
        eventType: 'subscription.plan_change_payment_failed',
        aggregateType: 'subscription',
        aggregateId: line.id,
        payload: { subscriptionId: line.id, pendingOfferingId: line.pendingOfferingId, pendingOfferingPriceId: line.pendingOfferingPriceId, paymentAttemptId },
      });
    }
    if (from === 'active') {
      events.push({ eventType: 'subscription.blocked', aggregateType: 'subscription', aggregateId: line.id, payload: { subscriptionId: line.id, reason: 'renew_failed' } });
    }
    return {
      outcome: { outcome: 'payment_declined', paymentAttempt: attempt, pivot: plan.pivot },
      writes: {
        history: [history],
        savedBalances: [],
        createdBalances: [],
        events,
        interaction: { customerId: line.customerId, summary: `Renewal of line ${line.id} declined (${plan.currency} ${plan.amount}); line blocked` },
      },
    };
  }
}

/**
 * Every bucket of the target plan back to its full quantity; buckets the plan lacks (and top-ups)
 * go to 0. Mutates the loaded rows and returns the rows to create.
 */
function resetBalances(
  w: WriteScope,
  line: SubscriptionEntity,
  balances: Map<AllowanceType, BundleBalanceEntity>,
  allowances: readonly AllowanceView[],
  periodEnd: Date,
): BundleBalanceEntity[] {
  const quantities = new Map(allowances.map((a) => [a.allowanceType, a.quantity]));
  for (const balance of balances.values()) {
    balance.total = quantities.get(balance.allowanceType) ?? 0;
    balance.consumed = 0;
    balance.periodStart = w.now;
    balance.periodEnd = periodEnd;
    balance.updatedAt = w.now;
  }
  const created = allowances.filter((a) => !balances.has(a.allowanceType)).map((a) => newBalance(w, line, a.allowanceType, a.quantity, periodEnd));
  for (const balance of created) balances.set(balance.allowanceType, balance);
  return created;
}
