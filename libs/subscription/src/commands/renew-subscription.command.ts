import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { UnitOfWork, type DomainEventInput, type WriteScope } from '@bss/audit';
import { CatalogQueries, type AllowanceView } from '@bss/catalog';
import { InteractionLog } from '@bss/crm';
import { ChargeCommand, PaymentQueries, type PaymentAttemptView } from '@bss/payment';
import { Clock, Database, NotFound, validateInput } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { SUBSCRIPTION_RULES } from '../subscription.errors';
import type { AllowanceType } from '../domain/balance.calc';
import { BundleBalanceEntity } from '../domain/bundle-balance.entity';
import { periodEndFrom, renewalIdempotencyKey } from '../domain/period.calc';
import { discountCounterAfterRenewal, effectiveAmount, toCents } from '../domain/price.calc';
import { SUBSCRIPTION_ID_PATTERN } from '../domain/subscription.ids';
import { SubscriptionEntity } from '../domain/subscription.entity';
import { toSubscriptionView, type SubscriptionView } from '../domain/subscription.views';
import { assertHasPaymentMethod, assertRenewable } from '../policies/subscription.policies';
import { dataUnlimitedUntil } from '../queries/subscription.queries';
import { applyTransition, lockBalances, lockSubscription, newBalance, saveBalances, saveSubscription } from './subscription.store';

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

/**
 * Charges the next period and resets the bundle: the snapshot (discounted while the promo
 * counter runs), or on a due pending change the pinned price row at full price. The transition
 * is validated before any charge; the charge is keyed per period boundary so a retried or
 * concurrent renewal of the same boundary never charges twice. Declined → the line is blocked
 * and balances, period and pending change stay as they were.
 */
@Injectable()
export class RenewSubscriptionCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly catalog: CatalogQueries,
    private readonly charge: ChargeCommand,
    private readonly payments: PaymentQueries,
    private readonly interactions: InteractionLog,
  ) {}

  /** `memo`: shared by the renewals of one sweep (see RenewalMemo); a lone renewal gets its own. */
  async execute(input: RenewSubscriptionInput, memo: RenewalMemo = newRenewalMemo()): Promise<RenewSubscriptionResult> {
    const dto = await validateInput(RenewSubscriptionInput, input);
    const line = await this.db.manager.findOneBy(SubscriptionEntity, { id: dto.subscriptionId, tenantId: currentAuth().tenant });
    if (!line) throw new NotFound('subscription', dto.subscriptionId);
    assertRenewable(line);
    const now = await this.clock.now();
    const hasCard = memo.customersWithCard.has(line.customerId) || (await this.payments.hasActiveMethod(line.customerId));
    assertHasPaymentMethod(hasCard, SUBSCRIPTION_RULES.renewNoPaymentMethod, { subscriptionId: line.id, customerId: line.customerId });
    memo.customersWithCard.add(line.customerId);
    const plan = await this.plan(line, now, memo.allowances);
    const attempt =
      toCents(plan.amount) > 0
        ? await this.charge.execute({
            customerId: line.customerId,
            amount: plan.amount,
            currency: plan.currency,
            purpose: 'renewal',
            idempotencyKey: renewalIdempotencyKey(line.id, plan.boundary ?? now, plan.declinesAtBoundary),
          })
        : null;
    return this.uow.run((w) => this.apply(w, plan, attempt));
  }

  private async plan(line: SubscriptionEntity, now: Date, memo: RenewalMemo['allowances']): Promise<RenewalPlan> {
    const allowancesOf = (offeringId: string) => {
      const known = memo.get(offeringId) ?? this.catalog.allowances(offeringId);
      memo.set(offeringId, known);
      return known;
    };
    const due = line.pendingOfferingId !== null && line.pendingOfferingPriceId !== null && line.pendingEffectiveAt !== null && line.pendingEffectiveAt <= now;
    const base = { subscriptionId: line.id, boundary: line.nextRenewalAt, declinesAtBoundary: line.renewalDeclineCount };
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

  private async apply(w: WriteScope, plan: RenewalPlan, attempt: PaymentAttemptView | null): Promise<RenewSubscriptionResult> {
    const line = await lockSubscription(w, plan.subscriptionId);
    const balances = await lockBalances(w, line.id);
    const overlayUntil = await dataUnlimitedUntil(w.tx, line.id, w.now);
    const sameBoundary = (line.nextRenewalAt?.getTime() ?? null) === (plan.boundary?.getTime() ?? null) && line.renewalDeclineCount === plan.declinesAtBoundary;
    if (!sameBoundary) {
      return { outcome: 'already_renewed', subscription: toSubscriptionView(line, [...balances.values()], overlayUntil), paymentAttempt: attempt, pivot: null };
    }
    assertRenewable(line);
    const approved = attempt === null || attempt.status === 'approved';
    const result = approved ? await this.renew(w, line, balances, plan, attempt) : await this.fail(w, line, plan, attempt);
    return { ...result, subscription: toSubscriptionView(line, [...balances.values()], overlayUntil) };
  }

  private async renew(
    w: WriteScope,
    line: SubscriptionEntity,
    balances: Map<AllowanceType, BundleBalanceEntity>,
    plan: RenewalPlan,
    attempt: PaymentAttemptView | null,
  ): Promise<Omit<RenewSubscriptionResult, 'subscription'>> {
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
    await this.resetBalances(w, line, balances, plan.allowances, periodEnd);
    const from = await applyTransition(w, line, 'renew', null);
    await saveSubscription(w, line);
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
    await w.emitMany(events);
    await this.interactions.record(w, {
      customerId: line.customerId,
      summary: `Line ${line.id} renewed on ${line.offeringId} for ${line.priceCurrency} ${plan.amount} until ${periodEnd.toISOString().slice(0, 10)}`,
    });
    return { outcome: 'renewed', paymentAttempt: attempt, pivot: plan.pivot };
  }

  /** Every bucket of the target plan back to its full quantity; buckets the plan lacks (and top-ups) go to 0. */
  private async resetBalances(
    w: WriteScope,
    line: SubscriptionEntity,
    balances: Map<AllowanceType, BundleBalanceEntity>,
    allowances: readonly AllowanceView[],
    periodEnd: Date,
  ): Promise<void> {
    const quantities = new Map(allowances.map((a) => [a.allowanceType, a.quantity]));
    for (const balance of balances.values()) {
      balance.total = quantities.get(balance.allowanceType) ?? 0;
      balance.consumed = 0;
      balance.periodStart = w.now;
      balance.periodEnd = periodEnd;
      balance.updatedAt = w.now;
    }
    await saveBalances(w, [...balances.values()]);
    const created = allowances.filter((a) => !balances.has(a.allowanceType)).map((a) => newBalance(w, line, a.allowanceType, a.quantity, periodEnd));
    if (created.length > 0) await w.tx.insert(BundleBalanceEntity, created);
    for (const balance of created) balances.set(balance.allowanceType, balance);
  }

  private async fail(w: WriteScope, line: SubscriptionEntity, plan: RenewalPlan, attempt: PaymentAttemptView | null): Promise<Omit<RenewSubscriptionResult, 'subscription'>> {
    const from = await applyTransition(w, line, 'renew_fail', 'renew_failed');
    line.renewalDeclineCount += 1;
    await saveSubscription(w, line);
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
    await w.emitMany(events);
    await this.interactions.record(w, { customerId: line.customerId, summary: `Renewal of line ${line.id} declined (${plan.currency} ${plan.amount}); line blocked` });
    return { outcome: 'payment_declined', paymentAttempt: attempt, pivot: plan.pivot };
  }
}
