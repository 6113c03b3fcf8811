import { remainingOf, type AllowanceType, type AllowanceUnit } from './balance.calc';
import type { BalanceAdjustmentEntity } from './balance-adjustment.entity';
import type { BalanceReservationEntity } from './balance-reservation.entity';
import type { BalanceTransferEntity } from './balance-transfer.entity';
import type { BundleBalanceEntity } from './bundle-balance.entity';
import { effectiveAmount, type DiscountType } from './price.calc';
import type { SubscriptionEntity } from './subscription.entity';
import type { SubscriptionState } from './subscription.state';
import type { UsageEventEntity } from './usage-event.entity';
import type { VasPurchaseEntity } from './vas-purchase.entity';

export interface BalanceView {
  allowanceType: AllowanceType;
  /** −1 = unlimited. */
  total: number;
  consumed: number;
  /** −1 when unlimited. */
  remaining: number;
  unit: AllowanceUnit;
}

/** What other contexts, the CLI and the portals read of a line (docs/context-contracts.md). */
export interface SubscriptionView {
  id: string;
  customerId: string;
  offeringId: string;
  state: SubscriptionState;
  stateReason: string | null;
  msisdn: string;
  iccid: string;
  cfsServiceId: string | null;
  commercialOrderId: string | null;
  /** The price snapshot renewals charge (never the catalog). */
  priceAmount: string;
  currency: string;
  priceOfferingPriceId: string;
  /** What the next renewal charges without a pivot: discounted while the promo counter is not 0. */
  effectiveAmount: string;
  discountType: DiscountType | null;
  discountValue: string | null;
  discountPeriodsRemaining: number;
  promoCode: string | null;
  promoOfferDefinitionId: string | null;
  activatedAt: Date | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  nextRenewalAt: Date | null;
  terminatedAt: Date | null;
  pendingOfferingId: string | null;
  pendingOfferingPriceId: string | null;
  pendingEffectiveAt: Date | null;
  /** Set while an unlimited-data day pass is running: data is not decremented until then. */
  dataUnlimitedUntil: Date | null;
  /** In the order data, voice, sms, data_roaming. */
  balances: BalanceView[];
}

export interface VasPurchaseView {
  id: string;
  subscriptionId: string;
  vasOfferingId: string;
  paymentAttemptId: string;
  priceAmount: string;
  currency: string;
  allowanceType: AllowanceType;
  /** −1 = unlimited until `expiresAt`. */
  allowanceAdded: number;
  unit: string;
  appliedAt: Date;
  expiresAt: Date | null;
}

/** One credit (quantity > 0) or debit (< 0) of a line's bucket; who asked is on the record. */
export type BalanceAdjustmentView = Omit<BalanceAdjustmentEntity, 'tenantId'>;

/** Allowance moved between two lines of one customer. */
export type BalanceTransferView = Omit<BalanceTransferEntity, 'tenantId'>;

/** An online-charging hold on one bucket. */
export type BalanceReservationView = Omit<BalanceReservationEntity, 'tenantId'>;

export function toBalanceReservationView({ tenantId: _tenant, ...view }: BalanceReservationEntity): BalanceReservationView {
  return view;
}

export function toBalanceAdjustmentView({ tenantId: _tenant, ...view }: BalanceAdjustmentEntity): BalanceAdjustmentView {
  return view;
}

export function toBalanceTransferView({ tenantId: _tenant, ...view }: BalanceTransferEntity): BalanceTransferView {
  return view;
}

export interface UsageEventView {
  id: string;
  eventId: string;
  subscriptionId: string;
  offeringId: string;
  msisdn: string;
  eventType: string;
  eventTime: Date;
  quantity: number;
  unit: string;
  source: string;
  rawCdrRef: string | null;
  roamingIndicator: boolean;
  ratedAllowanceType: AllowanceType | null;
  consumedQuantity: number;
  chargeAmount: string;
  processed: boolean;
  receivedAt: Date;
}

const BALANCE_ORDER: readonly AllowanceType[] = ['data', 'voice', 'sms', 'data_roaming'];

export function toBalanceView(b: Pick<BundleBalanceEntity, 'allowanceType' | 'total' | 'consumed' | 'unit'>): BalanceView {
  return { allowanceType: b.allowanceType, total: b.total, consumed: b.consumed, remaining: remainingOf(b), unit: b.unit };
}

/** Balances in the order every face shows them: data, voice, sms, roaming data. */
export function toBalanceViews(balances: readonly Pick<BundleBalanceEntity, 'allowanceType' | 'total' | 'consumed' | 'unit'>[]): BalanceView[] {
  return [...balances].sort((a, b) => BALANCE_ORDER.indexOf(a.allowanceType) - BALANCE_ORDER.indexOf(b.allowanceType)).map(toBalanceView);
}

/** A line as the cockpit's 360 lists it: only what its lines panel shows. */
export interface LineSummaryView {
  id: string;
  msisdn: string;
  offeringId: string;
  state: SubscriptionState;
  balances: BalanceView[];
}

export function toSubscriptionView(s: SubscriptionEntity, balances: readonly BundleBalanceEntity[], dataUnlimitedUntil: Date | null): SubscriptionView {
  return {
    id: s.id,
    customerId: s.customerId,
    offeringId: s.offeringId,
    state: s.state,
    stateReason: s.stateReason,
    msisdn: s.msisdn,
    iccid: s.iccid,
    cfsServiceId: s.cfsServiceId,
    commercialOrderId: s.commercialOrderId,
    priceAmount: s.priceAmount,
    currency: s.priceCurrency,
    priceOfferingPriceId: s.priceOfferingPriceId,
    effectiveAmount: effectiveAmount(s),
    discountType: s.discountType,
    discountValue: s.discountValue,
    discountPeriodsRemaining: s.discountPeriodsRemaining,
    promoCode: s.promoCode,
    promoOfferDefinitionId: s.promoOfferDefinitionId,
    activatedAt: s.activatedAt,
    currentPeriodStart: s.currentPeriodStart,
    currentPeriodEnd: s.currentPeriodEnd,
    nextRenewalAt: s.nextRenewalAt,
    terminatedAt: s.terminatedAt,
    pendingOfferingId: s.pendingOfferingId,
    pendingOfferingPriceId: s.pendingOfferingPriceId,
    pendingEffectiveAt: s.pendingEffectiveAt,
    dataUnlimitedUntil,
    balances: toBalanceViews(balances),
  };
}

export function toVasPurchaseView(v: VasPurchaseEntity): VasPurchaseView {
  return {
    id: v.id,
    subscriptionId: v.subscriptionId,
    vasOfferingId: v.vasOfferingId,
    paymentAttemptId: v.paymentAttemptId,
    priceAmount: v.priceAmount,
    currency: v.currency,
    allowanceType: v.allowanceType,
    allowanceAdded: v.allowanceAdded,
    unit: v.unit,
    appliedAt: v.appliedAt,
    expiresAt: v.expiresAt,
  };
}

export function toUsageEventView(u: UsageEventEntity): UsageEventView {
  return {
    id: u.id,
    eventId: u.eventId,
    subscriptionId: u.subscriptionId,
    offeringId: u.offeringId,
    msisdn: u.msisdn,
    eventType: u.eventType,
    eventTime: u.eventTime,
    quantity: u.quantity,
    unit: u.unit,
    source: u.source,
    rawCdrRef: u.rawCdrRef,
    roamingIndicator: u.roamingIndicator,
    ratedAllowanceType: u.ratedAllowanceType,
    consumedQuantity: u.consumedQuantity,
    chargeAmount: u.chargeAmount,
    processed: u.processed,
    receivedAt: u.receivedAt,
  };
}
