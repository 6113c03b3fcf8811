import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@bss/audit';
import { CatalogQueries } from '@bss/catalog';
import { CustomerQueries } from '@bss/crm';
import { EmailOutbox, renewalReminderEmail } from '@bss/notifications';
import { Clock, Database, envInt, LOGGER, PLATFORM_OPTIONS, type Logger, type PlatformOptions } from '@bss/platform';
import { currentAuth, runAsWorker } from '@bss/policies';
import { effectiveAmount, type DiscountType } from '#subscription/domain/price.calc';
import { newRenewalMemo, RenewSubscriptionCommand } from '#subscription/commands/renew-subscription.command';

export const RENEWAL_SWEEP_QUEUE = 'subscription.renewal_sweep';
export const RENEWAL_WORKER = 'renewal_worker';
export const RENEWAL_TICK_SECONDS_ENV = 'BSS_RENEWAL_TICK_SECONDS';
export const RENEWAL_REMINDER_LOOKAHEAD_ENV = 'BSS_RENEWAL_REMINDER_LOOKAHEAD_SECONDS';
export const RENEWAL_CONCURRENCY_ENV = 'BSS_RENEWAL_CONCURRENCY';
const BATCH_SIZE = 100;

export interface RenewalTickResult {
  at: Date;
  renewed: string[];
  declined: string[];
  /** Blocked, overdue lines: one `subscription.renewal_skipped` each per boundary, no charge. */
  skipped: string[];
  reminded: string[];
  failed: { subscriptionId: string; error: string }[];
}

interface ReminderRow {
  id: string;
  customer_id: string;
  offering_id: string;
  msisdn: string;
  next_renewal_at: Date;
  price_amount: string;
  price_currency: string;
  discount_type: DiscountType | null;
  discount_value: string | null;
  discount_periods_remaining: number;
  pending_offering_id: string | null;
  pending_offering_price_id: string | null;
  pending_effective_at: Date | null;
}

/**
 * The only automatic renewal trigger. Each sweep claims due lines in batches with
 * `FOR UPDATE SKIP LOCKED`, marks `last_renewal_attempted_at` and commits before charging — so
 * any number of processes may sweep at once and each boundary gets one attempt — then renews
 * the batch as `system:renewal_worker` (see RenewSubscriptionCommand.executeMany). Blocked overdue lines are
 * skipped with one audit event per boundary; active lines get one reminder per period.
 */
@Injectable()
export class RenewalSweep {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly renew: RenewSubscriptionCommand,
    private readonly customers: CustomerQueries,
    private readonly catalog: CatalogQueries,
    private readonly email: EmailOutbox,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
  ) {}

  async tick(): Promise<RenewalTickResult> {
    return runAsWorker(RENEWAL_WORKER, async () => {
      const now = await this.clock.now();
      const result: RenewalTickResult = { at: now, renewed: [], declined: [], skipped: [], reminded: [], failed: [] };
      await this.renewDue(now, result);
      await this.skipBlocked(now, result);
      await this.remind(now, result);
      return result;
    });
  }

  /** `concurrency()` lanes, each claiming a batch and renewing it with one charge batch and one write transaction. */
  private async renewDue(now: Date, result: RenewalTickResult): Promise<void> {
    const memo = newRenewalMemo();
    const lane = async (): Promise<void> => {
      for (;;) {
        const ids = await this.claim('active', now);
        if (ids.length === 0) return;
        const outcomes = await this.renew.executeMany(ids, memo);
        for (const [i, settled] of outcomes.entries()) {
          const subscriptionId = ids[i] as string;
          if (settled.status === 'rejected') {
            this.logger.error({ err: settled.reason, subscriptionId }, 'renewal failed');
            result.failed.push({ subscriptionId, error: (settled.reason as Error).message });
          } else if (settled.value.outcome === 'renewed') result.renewed.push(subscriptionId);
          else if (settled.value.outcome === 'payment_declined') result.declined.push(subscriptionId);
        }
      }
    };
    await Promise.all(Array.from({ length: this.concurrency() }, lane));
  }

  /** Marks one batch of due lines in `state` as attempted at `now` and commits; returns their ids. */
  private async claim(state: 'active' | 'blocked', now: Date): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `with claimed as (
         update subscription.subscription set last_renewal_attempted_at = $1
          where id in (select id from subscription.subscription
                        where tenant_id = $2 and state = $3 and next_renewal_at <= $1
                          and (last_renewal_attempted_at is null or last_renewal_attempted_at < next_renewal_at)
                        order by next_renewal_at, id
                        limit $4
                        for update skip locked)
          returning id)
       select id from claimed`,
      [now, currentAuth().tenant, state, BATCH_SIZE],
    );
    return rows.map((r) => r.id).sort(byNumberedId);
  }

  private async skipBlocked(now: Date, result: RenewalTickResult): Promise<void> {
    for (;;) {
      const ids = await this.uow.run(async (w) => {
        const rows = (await w.tx.query(
          `with claimed as (
             update subscription.subscription set last_renewal_attempted_at = $1
              where id in (select id from subscription.subscription
                            where tenant_id = $2 and state = 'blocked' and next_renewal_at <= $1
                              and (last_renewal_attempted_at is null or last_renewal_attempted_at < next_renewal_at)
                            order by next_renewal_at, id
                            limit $3
                            for update skip locked)
              returning id, next_renewal_at)
           select id, next_renewal_at from claimed`,
          [now, w.auth.tenant, BATCH_SIZE],
        )) as { id: string; next_renewal_at: Date }[];
        const claimed = rows.sort((a, b) => byNumberedId(a.id, b.id));
        for (const row of claimed) {
          await w.emit({
            eventType: 'subscription.renewal_skipped',
            aggregateType: 'subscription',
            aggregateId: row.id,
            payload: { subscriptionId: row.id, reason: 'blocked', boundary: row.next_renewal_at.toISOString(), skippedAt: now.toISOString() },
          });
        }
        return claimed.map((r) => r.id);
      });
      if (ids.length === 0) return;
      result.skipped.push(...ids);
    }
  }

  /** One reminder per period (§11 item 5: "sent" means sent within this period's look-ahead window). */
  private async remind(now: Date, result: RenewalTickResult): Promise<void> {
    const lookahead = envInt(RENEWAL_REMINDER_LOOKAHEAD_ENV, 86_400);
    if (lookahead <= 0) return;
    const offeringNames = new Map<string, string>();
    for (;;) {
      const rows = await this.db.query<ReminderRow>(
        `with claimed as (
           update subscription.subscription set renewal_reminder_sent_at = $1
            where id in (select id from subscription.subscription
                          where tenant_id = $2 and state = 'active'
                            and next_renewal_at > $1 and next_renewal_at <= $1::timestamptz + make_interval(secs => $3::int)
                            and (renewal_reminder_sent_at is null or renewal_reminder_sent_at < next_renewal_at - make_interval(secs => $3::int))
                          order by next_renewal_at, id
                          limit $4
                          for update skip locked)
            returning id, customer_id, offering_id, msisdn, next_renewal_at, price_amount, price_currency, discount_type, discount_value,
                      discount_periods_remaining, pending_offering_id, pending_offering_price_id, pending_effective_at)
         select * from claimed`,
        [now, currentAuth().tenant, lookahead, BATCH_SIZE],
      );
      if (rows.length === 0) return;
      for (const row of rows.sort((a, b) => byNumberedId(a.id, b.id))) {
        try {
          await this.sendReminder(row, offeringNames, now);
          result.reminded.push(row.id);
        } catch (error) {
          this.logger.error({ err: error, subscriptionId: row.id }, 'renewal reminder failed');
          result.failed.push({ subscriptionId: row.id, error: (error as Error).message });
        }
      }
    }
  }

  private async sendReminder(row: ReminderRow, offeringNames: Map<string, string>, now: Date): Promise<void> {
    const pivots = row.pending_offering_id !== null && row.pending_offering_price_id !== null && row.pending_effective_at !== null && row.pending_effective_at <= row.next_renewal_at;
    const offeringId = pivots && row.pending_offering_id ? row.pending_offering_id : row.offering_id;
    const amount =
      pivots && row.pending_offering_price_id
        ? (await this.catalog.priceById(row.pending_offering_price_id)).amount
        : effectiveAmount({ priceAmount: row.price_amount, discountType: row.discount_type, discountValue: row.discount_value, discountPeriodsRemaining: row.discount_periods_remaining });
    if (!offeringNames.has(offeringId)) offeringNames.set(offeringId, (await this.catalog.getOffering(offeringId)).name);
    const planName = offeringNames.get(offeringId) ?? offeringId;
    const customer = await this.customers.get(row.customer_id);
    await this.uow.run(async (w) => {
      if (customer.email) {
        await this.email.send(w, {
          to: customer.email,
          ...renewalReminderEmail({ customerName: customer.name, planName, msisdn: row.msisdn, renewsAt: row.next_renewal_at, now, amount, currency: row.price_currency }),
        });
      }
      await w.emit({
        eventType: 'subscription.renewal_reminder_sent',
        aggregateType: 'subscription',
        aggregateId: row.id,
        payload: { subscriptionId: row.id, customerId: row.customer_id, offeringId, amount, currency: row.price_currency, renewsAt: row.next_renewal_at.toISOString(), emailed: customer.email !== null },
      });
    });
  }

  /** Batches in flight: each holds one connection, and up to eight while its charges are at the gateway. */
  private concurrency(): number {
    const pool = this.platform.poolSize ?? 10;
    return Math.max(1, Math.min(envInt(RENEWAL_CONCURRENCY_ENV, 2), Math.floor(pool / 5)));
  }
}

/** `SUB-0002` before `SUB-0010` before `SUB-10000`. */
function byNumberedId(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
