import { Injectable } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CatalogQueries, type AllowanceView } from '@bss/catalog';
import { CustomerQueries, InteractionLog } from '@bss/crm';
import { AssignLineResourcesCommand, InventoryQueries } from '@bss/inventory';
import { ChargePaymentCommand, PaymentQueries, type PaymentAttemptView } from '@bss/payment';
import { Clock, Database, InvalidInput, NotFound, sequenceId, validateInput, Verb } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { activationIdempotencyKey, periodEndFrom } from '#subscription/domain/period.calc';
import { discountCounterAtActivation, discountedAmount, fromCents, toCents, DISCOUNT_TYPES, type Discount, type DiscountType } from '#subscription/domain/price.calc';
import {
  CATALOG_ID_PATTERN,
  CURRENCY_PATTERN,
  CUSTOMER_ID_PATTERN,
  ICCID_PATTERN,
  MONEY_PATTERN,
  MSISDN_PATTERN,
  SUBSCRIPTION_SEQUENCE,
} from '#subscription/domain/subscription.ids';
import { BundleBalanceEntity } from '#subscription/domain/bundle-balance.entity';
import { SubscriptionEntity } from '#subscription/domain/subscription.entity';
import type { SubscriptionView } from '#subscription/domain/subscription.views';
import { assertCustomerCanHoldLine, assertLineResourcesReserved } from '#subscription/policies/subscription.policies';
import { readSubscriptionView } from '#subscription/queries/subscription.queries';
import { applyTransition, newBalance, recordHistory } from './subscription.store';

/** The price COM stamped on the order item, plus the promo the promos context claimed for it. */
export class PriceSnapshotInput {
  @Matches(MONEY_PATTERN, { message: 'priceAmount must be an amount like 25.00' }) priceAmount!: string;
  @Matches(CURRENCY_PATTERN, { message: 'priceCurrency must be a 3-letter code like SGD' }) priceCurrency!: string;
  @Matches(CATALOG_ID_PATTERN, { message: 'priceOfferingPriceId must be a catalog id like PRICE_PLAN_M' }) priceOfferingPriceId!: string;
  @IsOptional() @IsIn([...DISCOUNT_TYPES]) discountType?: DiscountType;
  @IsOptional() @Matches(MONEY_PATTERN, { message: 'discountValue must be a number with at most 2 decimals' }) discountValue?: string;
  /** 1 single, N multi, −1 perpetual. */
  @IsOptional() @IsInt() @Min(-1) discountPeriodsTotal?: number;
  @IsOptional() @IsString() @MaxLength(64) promoCode?: string;
  @IsOptional() @IsString() @MaxLength(64) promoOfferDefinitionId?: string;
}

export class ActivateSubscriptionInput {
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'commercialOrderId must be an order id like ORD-0001' }) commercialOrderId!: string;
  @Matches(CUSTOMER_ID_PATTERN, { message: 'customerId must look like CUST-3f9a0c12' }) customerId!: string;
  @Matches(CATALOG_ID_PATTERN, { message: 'offeringId must be a catalog id like PLAN_M' }) offeringId!: string;
  @Matches(MSISDN_PATTERN, { message: 'msisdn must be 8–15 digits' }) msisdn!: string;
  @Matches(ICCID_PATTERN, { message: 'iccid must be 19–20 digits' }) iccid!: string;
  /** The card to charge; without it the default card (else the newest). */
  @IsOptional() @Matches(/^PM-\d{4,}$/, { message: 'paymentMethodId must look like PM-0001' }) paymentMethodId?: string;
  @IsOptional() @Matches(/^SVC-\d{4,}$/, { message: 'cfsServiceId must look like SVC-0001' }) cfsServiceId?: string;
  @IsDefined() @ValidateNested() @Type(() => PriceSnapshotInput) priceSnapshot!: PriceSnapshotInput;
}

export interface ActivateSubscriptionResult {
  outcome: 'activated' | 'payment_declined';
  subscription?: SubscriptionView;
  /** null only when the discounted snapshot is 0.00 (nothing to charge, §11 item 16). */
  paymentAttempt: PaymentAttemptView | null;
}

/**
 * `subscription.create`: charge the (discounted) snapshot once per commercial order, then create
 * the line with its balances, bind the number and eSIM, and activate. Replays — the same order
 * again, concurrently or after a crash between the charge and the line — return the one line
 * and the one charge (payment idempotency key `ACT-<order>`). A decline writes no line and
 * leaves the reserved inventory to the caller.
 */
@Verb({
  name: 'subscription.activate',
  input: ActivateSubscriptionInput,
  summary: 'Create the line of a completed order and take its first charge',
  cliExempt: 'a step of the order activation job (orders.activate)',
})
@Injectable()
export class ActivateSubscriptionCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalog: CatalogQueries,
    private readonly customers: CustomerQueries,
    private readonly inventory: InventoryQueries,
    private readonly assign: AssignLineResourcesCommand,
    private readonly charge: ChargePaymentCommand,
    private readonly payments: PaymentQueries,
    private readonly interactions: InteractionLog,
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async execute(input: ActivateSubscriptionInput): Promise<ActivateSubscriptionResult> {
    const dto = await validateInput(ActivateSubscriptionInput, input);
    assertDiscountComplete(dto.priceSnapshot);
    const existing = await this.findByOrder(dto.commercialOrderId);
    if (existing) return this.replay(existing);

    await this.assertCanActivate(dto);
    const allowances = await this.catalog.allowances(dto.offeringId);
    const snapshot = dto.priceSnapshot;
    const discount = discountOfSnapshot(snapshot);
    const amount = discountedAmount(snapshot.priceAmount, discount);
    const attempt =
      toCents(amount) > 0
        ? await this.charge.execute({
            customerId: dto.customerId,
            paymentMethodId: dto.paymentMethodId,
            amount,
            currency: snapshot.priceCurrency,
            purpose: 'activation',
            idempotencyKey: activationIdempotencyKey(dto.commercialOrderId),
          })
        : null;
    if (attempt && attempt.status !== 'approved') return { outcome: 'payment_declined', paymentAttempt: attempt };

    const subscription = await this.uow.run((w) => this.createLine(w, dto, allowances, discount, amount, attempt));
    return { outcome: 'activated', subscription, paymentAttempt: attempt };
  }

  private async assertCanActivate(dto: ActivateSubscriptionInput): Promise<void> {
    const customer = await orUndefined(() => this.customers.get(dto.customerId));
    assertCustomerCanHoldLine(dto.customerId, customer?.status);
    const msisdn = await orUndefined(() => this.inventory.getMsisdn(dto.msisdn));
    const esim = await orUndefined(() => this.inventory.getEsim(dto.iccid));
    assertLineResourcesReserved({ msisdn: dto.msisdn, msisdnStatus: msisdn?.status, iccid: dto.iccid, esimStatus: esim?.profileState });
  }

  private async createLine(
    w: WriteScope,
    dto: ActivateSubscriptionInput,
    allowances: readonly AllowanceView[],
    discount: Discount | null,
    amount: string,
    attempt: PaymentAttemptView | null,
  ): Promise<SubscriptionView> {
    // Two replays of one order that both got the (one) approved charge: the second sees the first's line.
    await w.tx.query('select pg_advisory_xact_lock(hashtext($1))', [`subscription.activate:${w.auth.tenant}:${dto.commercialOrderId}`]);
    const raced = await w.tx.findOneBy(SubscriptionEntity, { commercialOrderId: dto.commercialOrderId, tenantId: w.auth.tenant });
    if (raced) return readSubscriptionView(w.tx, raced, w.now);

    const snapshot = dto.priceSnapshot;
    const periodEnd = periodEndFrom(w.now);
    const line = w.tx.create(SubscriptionEntity, {
      id: await sequenceId(w.tx, SUBSCRIPTION_SEQUENCE, 'SUB'),
      tenantId: w.auth.tenant,
      customerId: dto.customerId,
      offeringId: dto.offeringId,
      msisdn: dto.msisdn,
      iccid: dto.iccid,
      cfsServiceId: dto.cfsServiceId ?? null,
      commercialOrderId: dto.commercialOrderId,
      state: 'pending',
      stateReason: null,
      activationPaymentAttemptId: attempt?.id ?? null,
      activatedAt: w.now,
      currentPeriodStart: w.now,
      currentPeriodEnd: periodEnd,
      nextRenewalAt: periodEnd,
      terminatedAt: null,
      priceAmount: fromCents(toCents(snapshot.priceAmount)),
      priceCurrency: snapshot.priceCurrency,
      priceOfferingPriceId: snapshot.priceOfferingPriceId,
      pendingOfferingId: null,
      pendingOfferingPriceId: null,
      pendingEffectiveAt: null,
      discountType: discount?.type ?? null,
      discountValue: discount ? fromCents(toCents(discount.value)) : null,
      discountPeriodsRemaining: discountCounterAtActivation(discount, snapshot.discountPeriodsTotal),
      promoCode: snapshot.promoCode ?? null,
      promoOfferDefinitionId: snapshot.promoOfferDefinitionId ?? null,
      lastRenewalAttemptedAt: null,
      renewalDeclineCount: 0,
      renewalReminderSentAt: null,
      createdAt: w.now,
      updatedAt: w.now,
    });
    await w.tx.insert(SubscriptionEntity, line);
    await recordHistory(w, line, null, 'create', null);
    await w.tx.insert(
      BundleBalanceEntity,
      allowances.map((a) => newBalance(w, line, a.allowanceType, a.quantity, periodEnd)),
    );
    await this.assign.executeIn(w, { msisdn: dto.msisdn, iccid: dto.iccid, subscriptionId: line.id });
    await applyTransition(w, line, 'activate', null);
    await w.tx.update(SubscriptionEntity, { id: line.id }, { state: line.state, stateReason: null, updatedAt: w.now });
    await w.emit({
      eventType: 'subscription.activated',
      aggregateType: 'subscription',
      aggregateId: line.id,
      payload: {
        subscriptionId: line.id,
        customerId: line.customerId,
        offeringId: line.offeringId,
        msisdn: line.msisdn,
        iccid: line.iccid,
        commercialOrderId: line.commercialOrderId,
        paymentAttemptId: attempt?.id ?? null,
        periodStart: w.now.toISOString(),
        periodEnd: periodEnd.toISOString(),
        amountCharged: amount,
        currency: line.priceCurrency,
        promoCode: line.promoCode,
      },
    });
    await this.interactions.record(w, { customerId: line.customerId, summary: `Line ${line.id} (${line.msisdn}) activated on ${line.offeringId}` });
    return readSubscriptionView(w.tx, line, w.now);
  }

  private async replay(line: SubscriptionEntity): Promise<ActivateSubscriptionResult> {
    const attempts = line.activationPaymentAttemptId ? await this.payments.listAttempts(line.customerId) : [];
    const attempt = attempts.find((a) => a.id === line.activationPaymentAttemptId) ?? null;
    return { outcome: 'activated', subscription: await readSubscriptionView(this.db.manager, line, await this.clock.now()), paymentAttempt: attempt };
  }

  private async findByOrder(commercialOrderId: string): Promise<SubscriptionEntity | null> {
    return this.db.manager.findOneBy(SubscriptionEntity, { commercialOrderId, tenantId: currentAuth().tenant });
  }
}

/** A discount needs both its type and value, and a percentage stays within 0–100. */
function assertDiscountComplete(snapshot: PriceSnapshotInput): void {
  const { discountType, discountValue } = snapshot;
  if ((discountType === undefined) !== (discountValue === undefined)) {
    throw new InvalidInput([{ field: 'priceSnapshot.discountValue', messages: ['discountType and discountValue go together'] }]);
  }
  if (discountType === 'percent' && discountValue !== undefined && toCents(discountValue) > 10_000) {
    throw new InvalidInput([{ field: 'priceSnapshot.discountValue', messages: ['a percent discount is at most 100'] }]);
  }
}

function discountOfSnapshot(snapshot: PriceSnapshotInput): Discount | null {
  return snapshot.discountType && snapshot.discountValue ? { type: snapshot.discountType, value: snapshot.discountValue } : null;
}

async function orUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFound) return undefined;
    throw error;
  }
}
