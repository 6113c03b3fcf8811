import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CatalogQueries, type VasView } from '@bss/catalog';
import { InteractionLog } from '@bss/crm';
import { ChargePaymentCommand, PaymentQueries, type PaymentAttemptView } from '@bss/payment';
import { Database, NotFound, randomId, validateInput, Verb } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { SUBSCRIPTION_RULES } from '#subscription/subscription.errors';
import { BundleBalanceEntity } from '#subscription/domain/bundle-balance.entity';
import { isDataExhausted, totalAfterTopUp, UNLIMITED } from '#subscription/domain/balance.calc';
import { CATALOG_ID_PATTERN, SUBSCRIPTION_ID_PATTERN } from '#subscription/domain/subscription.ids';
import { SubscriptionEntity } from '#subscription/domain/subscription.entity';
import type { SubscriptionState } from '#subscription/domain/subscription.state';
import { toVasPurchaseView, type SubscriptionView, type VasPurchaseView } from '#subscription/domain/subscription.views';
import { VasPurchaseEntity } from '#subscription/domain/vas-purchase.entity';
import { assertHasPaymentMethod, assertVasChargeApproved, assertVasPurchasable, assertVasSellable, topUpUnblocks } from '#subscription/policies/subscription.policies';
import { dataUnlimitedUntil, readSubscriptionView } from '#subscription/queries/subscription.queries';
import { applyTransition, lockBalances, lockSubscription, newBalance } from './subscription.store';

const HOUR_MS = 3_600_000;

export class VasSubscriptionInput {
  @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'subscriptionId must look like SUB-0001' }) subscriptionId!: string;
  @Matches(CATALOG_ID_PATTERN, { message: 'vasOfferingId must be a catalog id like VAS_DATA_1GB' }) vasOfferingId!: string;
}

export interface VasSubscriptionResult {
  subscription: SubscriptionView;
  vasPurchase: VasPurchaseView;
  paymentAttempt: PaymentAttemptView;
  previousState: SubscriptionState;
  unblocked: boolean;
}

/**
 * A one-shot top-up charged to the card on file: the bucket grows (or is created — how PLAN_S
 * gets roaming), `VAS_UNLIMITED_DAY` runs an unlimited-data overlay until it expires. A line
 * blocked for exhausted data comes back only if data is no longer exhausted (§11 item 6) and its
 * period has not lapsed — a lapsed line needs a renewal, not a top-up.
 */
@Verb({ name: 'subscription.vas', input: VasSubscriptionInput, summary: 'Buy a top-up (VAS) for a line, charged to the card on file' })
@Injectable()
export class VasSubscriptionCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly db: Database,
    private readonly catalog: CatalogQueries,
    private readonly charge: ChargePaymentCommand,
    private readonly payments: PaymentQueries,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: VasSubscriptionInput): Promise<VasSubscriptionResult> {
    const dto = await validateInput(VasSubscriptionInput, input);
    const line = await this.db.manager.findOneBy(SubscriptionEntity, { id: dto.subscriptionId, tenantId: currentAuth().tenant });
    if (!line) throw new NotFound('subscription', dto.subscriptionId);
    assertVasPurchasable(line);
    const vas = await this.sellableVas(dto.vasOfferingId);
    const context = { subscriptionId: line.id, customerId: line.customerId };
    assertHasPaymentMethod(await this.payments.hasActiveMethod(line.customerId), SUBSCRIPTION_RULES.vasRequiresActiveCof, context);

    const purchaseId = randomId(`${line.id}-VAS`, { upper: true });
    const attempt = await this.charge.execute({
      customerId: line.customerId,
      amount: vas.priceAmount,
      currency: vas.currency,
      purpose: 'vas',
      idempotencyKey: `VAS-${purchaseId}`,
    });
    assertVasChargeApproved(attempt, { subscriptionId: line.id, vasOfferingId: vas.id });
    return this.uow.run((w) => this.apply(w, line.id, purchaseId, vas, attempt));
  }

  private async apply(w: WriteScope, subscriptionId: string, purchaseId: string, vas: VasView, attempt: PaymentAttemptView): Promise<VasSubscriptionResult> {
    const line = await lockSubscription(w, subscriptionId);
    assertVasPurchasable(line);
    const balances = await lockBalances(w, line.id);
    const purchase = w.tx.create(VasPurchaseEntity, {
      id: purchaseId,
      tenantId: line.tenantId,
      subscriptionId: line.id,
      vasOfferingId: vas.id,
      paymentAttemptId: attempt.id,
      priceAmount: vas.priceAmount,
      currency: vas.currency,
      allowanceType: vas.allowanceType,
      allowanceAdded: vas.allowanceQuantity,
      unit: vas.allowanceUnit,
      appliedAt: w.now,
      expiresAt: vas.expiryHours === null ? null : new Date(w.now.getTime() + vas.expiryHours * HOUR_MS),
    });
    await w.tx.insert(VasPurchaseEntity, purchase);

    const bucket = balances.get(vas.allowanceType);
    if (!bucket && vas.allowanceQuantity > 0) {
      const created = newBalance(w, line, vas.allowanceType, vas.allowanceQuantity, line.currentPeriodEnd ?? w.now);
      await w.tx.insert(BundleBalanceEntity, created);
      balances.set(created.allowanceType, created);
    } else if (bucket && vas.allowanceQuantity !== UNLIMITED) {
      bucket.total = totalAfterTopUp(bucket, vas.allowanceQuantity);
      bucket.updatedAt = w.now;
      await w.tx.update(BundleBalanceEntity, { id: bucket.id }, { total: bucket.total, updatedAt: w.now });
    }

    const previousState = line.state;
    await w.emit({
      eventType: 'subscription.vas_purchased',
      aggregateType: 'subscription',
      aggregateId: line.id,
      payload: {
        subscriptionId: line.id,
        vasPurchaseId: purchase.id,
        vasOfferingId: vas.id,
        paymentAttemptId: attempt.id,
        allowanceType: vas.allowanceType,
        allowanceAdded: vas.allowanceQuantity,
        unit: vas.allowanceUnit,
        expiresAt: purchase.expiresAt?.toISOString() ?? null,
        priceAmount: vas.priceAmount,
        currency: vas.currency,
        previousState,
      },
    });

    const overlay = (await dataUnlimitedUntil(w.tx, line.id, w.now)) !== null;
    const comesBack = topUpUnblocks(line, w.now, isDataExhausted(balances.get('data'), overlay));
    if (previousState === 'active' || comesBack) {
      await applyTransition(w, line, 'top_up', comesBack ? 'vas_top_up' : line.stateReason);
      await w.tx.update(SubscriptionEntity, { id: line.id }, { state: line.state, stateReason: line.stateReason, updatedAt: w.now });
    }
    if (comesBack) {
      await w.emit({ eventType: 'subscription.unblocked', aggregateType: 'subscription', aggregateId: line.id, payload: { subscriptionId: line.id, reason: 'vas_top_up' } });
    }
    await this.interactions.record(w, { customerId: line.customerId, summary: `Top-up ${vas.id} (${vas.currency} ${vas.priceAmount}) on line ${line.id}` });
    return {
      subscription: await readSubscriptionView(w.tx, line, w.now),
      vasPurchase: toVasPurchaseView(purchase),
      paymentAttempt: attempt,
      previousState,
      unblocked: comesBack,
    };
  }

  private async sellableVas(vasOfferingId: string): Promise<VasView> {
    let vas: VasView | undefined;
    try {
      vas = await this.catalog.getVas(vasOfferingId);
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
    }
    assertVasSellable(vasOfferingId, vas);
    return vas;
  }
}
