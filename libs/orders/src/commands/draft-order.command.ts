import { Injectable } from '@nestjs/common';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CatalogQueries, type OfferingView, type PriceView } from '@bss/catalog';
import { CustomerQueries, InteractionLog, type CustomerView } from '@bss/crm';
import { PaymentQueries } from '@bss/payment';
import { NotFound, PolicyViolation, sequenceId, validateInput, Verb } from '@bss/platform';
import { PromoQueries } from '@bss/promos';
import { CUSTOMER_ID_PATTERN, MSISDN_PREFERENCE_PATTERN } from '#orders/domain/order.ids';
import { OrderItemEntity, OrderStateHistoryEntity, ProductOrderEntity } from '#orders/domain/product-order.entity';
import { priceSnapshotOf, toOrderView, type OrderView } from '#orders/domain/order.views';
import {
  assertCustomerFound,
  assertCustomerKycVerified,
  assertHasPaymentMethod,
  assertOfferingFound,
  assertOfferingSellableNow,
} from '#orders/policies/order.policies';

export class DraftOrderInput {
  @IsString() @Matches(CUSTOMER_ID_PATTERN, { message: 'customerId must look like CUST-3f9a0c12' }) customerId!: string;
  @IsString() @MinLength(1) @MaxLength(64) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'offeringId must be an offering id such as PLAN_M' }) offeringId!: string;
  /** Exactly this number or the order fails: a preference never falls back to another number. */
  @IsOptional() @Matches(MSISDN_PREFERENCE_PATTERN, { message: 'msisdnPreference must be 8–15 digits' }) msisdnPreference?: string;
  @IsOptional() @IsString() @MaxLength(500) notes?: string;
  /** A promo code the customer typed; one that does not apply never blocks the order. */
  @IsOptional() @IsString() @MaxLength(64) promoCode?: string;
  /** The customer removed the pre-applied targeted offer. */
  @IsOptional() @IsBoolean() skipAssignedOffer?: boolean;
}

/**
 * COM create (TMF622), the first half of `order.create`: the order is `acknowledged`, not yet
 * submitted. Checks the customer, the offering (sellable with an active price now), a
 * verified KYC attestation and a card on file, then stamps the price snapshot on the one order
 * item. The snapshot is never re-read from the catalog: repricing affects only later orders.
 */
@Verb({
  name: 'order.draft',
  input: DraftOrderInput,
  summary: 'Create an order (checked and priced) without submitting it',
  cliExempt: 'the first half of order.create and of the signup order step, always inside their transaction',
})
@Injectable()
export class DraftOrderCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalog: CatalogQueries,
    private readonly customers: CustomerQueries,
    private readonly payments: PaymentQueries,
    private readonly interactions: InteractionLog,
    private readonly promos: PromoQueries,
  ) {}

  async execute(input: DraftOrderInput): Promise<OrderView> {
    const dto = await validateInput(DraftOrderInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: DraftOrderInput): Promise<OrderView> {
    const customer = await orNull<CustomerView>(() => this.customers.get(dto.customerId));
    assertCustomerFound(customer, dto.customerId);
    const offering = await orNull<OfferingView>(() => this.catalog.getOffering(dto.offeringId));
    assertOfferingFound(offering, dto.offeringId);
    const price = await this.activePriceOrNull(offering.id, w.now);
    assertOfferingSellableNow(offering, price?.id ?? null, w.now);
    assertCustomerKycVerified(customer);
    assertHasPaymentMethod(await this.payments.hasActiveMethod(customer.id), customer.id);
    if (!price) throw new Error('unreachable: assertOfferingSellableNow guarantees an active price');
    // One promotion at most, composed on this snapshot; only the intent is stamped, the code is
    // claimed at activation.
    const promo = await this.promos.selectForOrder({
      customerId: customer.id,
      offeringId: offering.id,
      baseAmount: price.amount,
      promoCode: dto.promoCode,
      skipAssignedOffer: dto.skipAssignedOffer,
      at: w.now,
    });
    const intent = promo.intent;

    const order = w.tx.create(ProductOrderEntity, {
      id: await sequenceId(w.tx, 'orders.product_order_seq', 'ORD'),
      customerId: customer.id,
      state: 'acknowledged',
      orderDate: w.now,
      requestedCompletionDate: null,
      submittedAt: null,
      completedDate: null,
      msisdnPreference: dto.msisdnPreference ?? null,
      notes: dto.notes ?? null,
      paymentMethodId: null,
      failureReason: null,
      stuckFlaggedAt: null,
      traceId: w.auth.requestId,
      updatedAt: w.now,
      tenantId: w.auth.tenant,
    });
    await w.tx.insert(ProductOrderEntity, order);
    const item = w.tx.create(OrderItemEntity, {
      id: await sequenceId(w.tx, 'orders.order_item_seq', 'OI'),
      orderId: order.id,
      action: 'add',
      offeringId: offering.id,
      state: 'acknowledged',
      targetSubscriptionId: null,
      priceAmount: price.amount,
      priceCurrency: price.currency,
      priceOfferingPriceId: price.id,
      discountCode: intent?.promoCode ?? null,
      promoOfferDefinitionId: intent?.promoOfferDefinitionId ?? null,
      discountType: intent?.discountType ?? null,
      discountValue: intent?.discountValue ?? null,
      discountPeriodsTotal: intent?.discountPeriodsTotal ?? null,
      promoOfferId: intent?.promoOfferId ?? null,
      tenantId: w.auth.tenant,
    });
    await w.tx.insert(OrderItemEntity, item);
    await w.tx.insert(OrderStateHistoryEntity, {
      orderId: order.id,
      fromState: null,
      toState: 'acknowledged',
      trigger: 'create',
      reason: null,
      actor: w.auth.actor,
      changedAt: w.now,
      tenantId: w.auth.tenant,
    });
    await w.emit({
      eventType: 'order.created',
      aggregateType: 'product_order',
      aggregateId: order.id,
      payload: {
        commercialOrderId: order.id,
        orderItemId: item.id,
        customerId: customer.id,
        offeringId: offering.id,
        priceSnapshot: priceSnapshotOf(item),
        promo: intent ? { promotionId: intent.promotionId, source: intent.source, effectiveAmount: intent.effectiveAmount } : null,
        promoCodeRefused: promo.codeRefusal,
      },
    });
    await this.interactions.record(w, { customerId: customer.id, summary: `Order ${order.id} placed for ${offering.id} (${price.currency} ${price.amount})` });
    return toOrderView(order, item);
  }

  /** Catalog says "no active row" with a rule; for ordering that is simply "not sellable now". */
  private async activePriceOrNull(offeringId: string, at: Date): Promise<PriceView | null> {
    try {
      return await this.catalog.activePrice(offeringId, at);
    } catch (error) {
      if (error instanceof PolicyViolation) return null;
      throw error;
    }
  }
}

async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
}
