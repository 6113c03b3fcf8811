import { Injectable } from '@nestjs/common';
import { IsOptional, IsInt, Matches, Max, Min } from 'class-validator';
import { In, Not, type EntityManager } from 'typeorm';
import { Clock, Database, entityColumns, NotFound, validateInput } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { BalanceAdjustmentEntity } from '#subscription/domain/balance-adjustment.entity';
import { BalanceReservationEntity } from '#subscription/domain/balance-reservation.entity';
import { BalanceTransferEntity } from '#subscription/domain/balance-transfer.entity';
import { BundleBalanceEntity } from '#subscription/domain/bundle-balance.entity';
import { CUSTOMER_ID_PATTERN, MSISDN_PATTERN, SUBSCRIPTION_ID_PATTERN } from '#subscription/domain/subscription.ids';
import { SubscriptionEntity } from '#subscription/domain/subscription.entity';
import { SubscriptionStateHistoryEntity } from '#subscription/domain/subscription-state-history.entity';
import { LIVE_SUBSCRIPTION_STATES } from '#subscription/domain/subscription.state';
import {
  toBalanceAdjustmentView,
  toBalanceReservationView,
  toBalanceTransferView,
  toBalanceViews,
  toSubscriptionView,
  type LineSummaryView,
  toUsageEventView,
  toVasPurchaseView,
  type BalanceAdjustmentView,
  type BalanceReservationView,
  type BalanceTransferView,
  type SubscriptionView,
  type UsageEventView,
  type VasPurchaseView,
} from '#subscription/domain/subscription.views';
import { UsageEventEntity } from '#subscription/domain/usage-event.entity';
import { VasPurchaseEntity } from '#subscription/domain/vas-purchase.entity';

export class SubscriptionRef {
  @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'subscriptionId must look like SUB-0001' }) subscriptionId!: string;
}

export class CustomerRef {
  @Matches(CUSTOMER_ID_PATTERN, { message: 'customerId must look like CUST-3f9a0c12' }) customerId!: string;
}

export class MsisdnRef {
  @Matches(MSISDN_PATTERN, { message: 'msisdn must be 8–15 digits' }) msisdn!: string;
}

export class UsageListFilter {
  @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'subscriptionId must look like SUB-0001' }) subscriptionId!: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000) limit?: number;
}

export interface StateHistoryView {
  fromState: string | null;
  toState: string;
  trigger: string;
  reason: string | null;
  actor: string;
  changedAt: Date;
}

/** The end of a running unlimited-data day pass (§11 item 7), or null. */
export async function dataUnlimitedUntil(em: EntityManager, subscriptionId: string, now: Date): Promise<Date | null> {
  return (await dataUnlimitedUntilOf(em, [subscriptionId], now)).get(subscriptionId) ?? null;
}

/** `dataUnlimitedUntil` of many lines in one query; lines without a running unlimited pass are absent. */
export async function dataUnlimitedUntilOf(em: EntityManager, subscriptionIds: readonly string[], now: Date): Promise<Map<string, Date>> {
  const rows = (await em.query(
    `select subscription_id, max(expires_at) as until from subscription.vas_purchase
      where subscription_id = any($1::text[]) and allowance_type = 'data' and allowance_added = -1 and expires_at > $2
      group by subscription_id`,
    [subscriptionIds, now],
  )) as { subscription_id: string; until: Date }[];
  return new Map(rows.map((row) => [row.subscription_id, row.until]));
}

/** The full view of a loaded line at `now`; commands call it inside their own transaction. */
export async function readSubscriptionView(em: EntityManager, subscription: SubscriptionEntity, now: Date): Promise<SubscriptionView> {
  const [balances, until] = await Promise.all([
    em.findBy(BundleBalanceEntity, { subscriptionId: subscription.id }),
    dataUnlimitedUntil(em, subscription.id, now),
  ]);
  return toSubscriptionView(subscription, balances, until);
}

/** Reads of lines, balances, top-ups and usage; scoped to the caller's tenant. */
@Injectable()
export class SubscriptionQueries {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  private get em(): EntityManager {
    return this.db.manager;
  }

  async get(id: string): Promise<SubscriptionView> {
    await validateInput(SubscriptionRef, { subscriptionId: id });
    const subscription = await this.em.findOneBy(SubscriptionEntity, { id, tenantId: currentAuth().tenant });
    if (!subscription) throw new NotFound('subscription', id);
    return readSubscriptionView(this.em, subscription, await this.clock.now());
  }

  /** Oldest first. */
  async listForCustomer(customerId: string): Promise<SubscriptionView[]> {
    // class-validator only to word the refusal: a well-formed id skips it (the 360 reads this on every page).
    if (typeof customerId !== 'string' || !CUSTOMER_ID_PATTERN.test(customerId)) await validateInput(CustomerRef, { customerId });
    const em = this.em;
    // One raw query: each line with its balances and running unlimited pass, not 1 + 2 per line.
    const rows = (await this.db.prepared(
      `select ${entityColumns(em, SubscriptionEntity, 's')},
              (select json_agg(b) from (select ${entityColumns(em, BundleBalanceEntity, 'bb')}
                                          from subscription.bundle_balance bb where bb.subscription_id = s.id) b) as balances,
              (select max(v.expires_at) from subscription.vas_purchase v
                where v.subscription_id = s.id and v.allowance_type = 'data' and v.allowance_added = -1 and v.expires_at > $3) as "dataUnlimitedUntil"
         from subscription.subscription s
        where s.customer_id = $1 and s.tenant_id = $2
        order by s.created_at asc, s.id asc`,
      [customerId, currentAuth().tenant, await this.clock.now()],
    )) as (SubscriptionEntity & { balances: BundleBalanceEntity[] | null; dataUnlimitedUntil: Date | null })[];
    // The balance view reads only the allowance, amounts and unit, which JSON carries as they are.
    return rows.map((row) => toSubscriptionView(row, row.balances ?? [], row.dataUnlimitedUntil));
  }

  /**
   * The customer's lines as the cockpit's 360 lists them, oldest first: one prepared statement
   * with only the shown columns and each line's balances as a JSON array (read on every 360 view).
   */
  async lineSummaries(customerId: string): Promise<LineSummaryView[]> {
    if (typeof customerId !== 'string' || !CUSTOMER_ID_PATTERN.test(customerId)) await validateInput(CustomerRef, { customerId });
    const rows = await this.db.prepared<Omit<LineSummaryView, 'balances'> & { balances: Parameters<typeof toBalanceViews>[0] | null }>(
      `select s.id, s.msisdn, s.offering_id as "offeringId", s.state,
              (select json_agg(b) from (select bb.allowance_type as "allowanceType", bb.total, bb.consumed, bb.unit
                                          from subscription.bundle_balance bb where bb.subscription_id = s.id) b) as balances
         from subscription.subscription s
        where s.customer_id = $1 and s.tenant_id = $2
        order by s.created_at asc, s.id asc`,
      [customerId, currentAuth().tenant],
    );
    return rows.map((row) => ({ ...row, balances: toBalanceViews(row.balances ?? []) }));
  }

  /** The live (non-terminated) line holding the number (§11 item 15). */
  async getByMsisdn(msisdn: string): Promise<SubscriptionView> {
    await validateInput(MsisdnRef, { msisdn });
    const subscription = await this.em.findOneBy(SubscriptionEntity, { msisdn, state: Not('terminated'), tenantId: currentAuth().tenant });
    if (!subscription) throw new NotFound('subscription', msisdn, { msisdn });
    return readSubscriptionView(this.em, subscription, await this.clock.now());
  }

  /** Pending, active or blocked lines count (payment uses it to keep the last card). */
  async hasLiveLine(customerId: string): Promise<boolean> {
    return (await this.liveLineIds(customerId)).length > 0;
  }

  /** Ids of the customer's pending, active or blocked lines (CRM refuses to close such a customer). */
  async liveLineIds(customerId: string): Promise<string[]> {
    const rows = await this.em.find(SubscriptionEntity, {
      select: { id: true },
      where: { customerId, state: In([...LIVE_SUBSCRIPTION_STATES]), tenantId: currentAuth().tenant },
      order: { id: 'ASC' },
    });
    return rows.map((r) => r.id);
  }

  /** One top-up by id (TMF654 balanceTopup); NotFound when unknown. */
  async getVasPurchase(id: string): Promise<VasPurchaseView> {
    const row = await this.em.findOneBy(VasPurchaseEntity, { id, tenantId: currentAuth().tenant });
    if (!row) throw new NotFound('vas_purchase', id);
    return toVasPurchaseView(row);
  }

  /** Newest first. */
  async listVasPurchases(subscriptionId: string): Promise<VasPurchaseView[]> {
    await validateInput(SubscriptionRef, { subscriptionId });
    const rows = await this.em.find(VasPurchaseEntity, { where: { subscriptionId, tenantId: currentAuth().tenant }, order: { appliedAt: 'DESC', id: 'DESC' } });
    return rows.map(toVasPurchaseView);
  }

  /** One balance adjustment by id (TMF654 balanceAdjustment); NotFound when unknown. */
  async getAdjustment(id: string): Promise<BalanceAdjustmentView> {
    const row = await this.em.findOneBy(BalanceAdjustmentEntity, { id, tenantId: currentAuth().tenant });
    if (!row) throw new NotFound('balance_adjustment', id);
    return toBalanceAdjustmentView(row);
  }

  /** Newest first. */
  async listAdjustments(subscriptionId: string): Promise<BalanceAdjustmentView[]> {
    await validateInput(SubscriptionRef, { subscriptionId });
    const rows = await this.em.find(BalanceAdjustmentEntity, { where: { subscriptionId, tenantId: currentAuth().tenant }, order: { createdAt: 'DESC', id: 'DESC' } });
    return rows.map(toBalanceAdjustmentView);
  }

  /** One balance reservation by id (TMF654 balanceReserve); NotFound when unknown. */
  async getReservation(id: string): Promise<BalanceReservationView> {
    const row = await this.em.findOneBy(BalanceReservationEntity, { id, tenantId: currentAuth().tenant });
    if (!row) throw new NotFound('balance_reservation', id);
    return toBalanceReservationView(row);
  }

  /** One balance transfer by id (TMF654 balanceTransfer); NotFound when unknown. */
  async getTransfer(id: string): Promise<BalanceTransferView> {
    const row = await this.em.findOneBy(BalanceTransferEntity, { id, tenantId: currentAuth().tenant });
    if (!row) throw new NotFound('balance_transfer', id);
    return toBalanceTransferView(row);
  }

  /** The transfers a line gave or received, newest first. */
  async listTransfers(subscriptionId: string): Promise<BalanceTransferView[]> {
    await validateInput(SubscriptionRef, { subscriptionId });
    const tenantId = currentAuth().tenant;
    const rows = await this.em.find(BalanceTransferEntity, {
      where: [
        { fromSubscriptionId: subscriptionId, tenantId },
        { toSubscriptionId: subscriptionId, tenantId },
      ],
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return rows.map(toBalanceTransferView);
  }

  /** Newest first. */
  async listUsage(filter: { subscriptionId: string; limit?: number }): Promise<UsageEventView[]> {
    const f = await validateInput(UsageListFilter, filter);
    const rows = await this.em.find(UsageEventEntity, {
      where: { subscriptionId: f.subscriptionId, tenantId: currentAuth().tenant },
      order: { receivedAt: 'DESC', id: 'DESC' },
      take: f.limit ?? 20,
    });
    return rows.map(toUsageEventView);
  }

  /** Oldest first: every FSM trigger applied to the line. */
  async stateHistory(subscriptionId: string): Promise<StateHistoryView[]> {
    await validateInput(SubscriptionRef, { subscriptionId });
    const rows = await this.em.find(SubscriptionStateHistoryEntity, { where: { subscriptionId, tenantId: currentAuth().tenant }, order: { id: 'ASC' } });
    return rows.map((r) => ({ fromState: r.fromState, toState: r.toState, trigger: r.trigger, reason: r.reason, actor: r.actor, changedAt: r.changedAt }));
  }
}
