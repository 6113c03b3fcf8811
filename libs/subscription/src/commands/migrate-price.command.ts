import { Injectable } from '@nestjs/common';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { In } from 'typeorm';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CatalogQueries, type PriceView } from '@bss/catalog';
import { CustomerQueries, InteractionLog } from '@bss/crm';
import { EmailOutbox, priceChangeNoticeEmail } from '@bss/notifications';
import { NotFound, parseInstant, validateInput, Verb } from '@bss/platform';
import { addDays } from '#subscription/domain/period.calc';
import { CATALOG_ID_PATTERN } from '#subscription/domain/subscription.ids';
import { SubscriptionEntity } from '#subscription/domain/subscription.entity';
import { assertAdmin, assertPriceMigrationTarget } from '#subscription/policies/subscription.policies';
import { saveSubscription } from './subscription.store';

export const DEFAULT_NOTICE_DAYS = 30;

export class MigratePriceInput {
  /** Required by `subscription.migrate_price.unsupported_filter`; optional here so the rule can name it. */
  @IsOptional() @Matches(CATALOG_ID_PATTERN, { message: 'offeringId must be a catalog id like PLAN_M' }) offeringId?: string;
  @Matches(CATALOG_ID_PATTERN, { message: 'newPriceId must be a catalog id like PRICE_PLAN_M_2026' }) newPriceId!: string;
  @IsISO8601({ strict: true }, { message: 'effectiveFrom must be an ISO-8601 date or date-time' }) effectiveFrom!: string;
  @IsOptional() @IsInt() @Min(0) @Max(365) noticeDays?: number;
  @IsOptional() @IsString() @MaxLength(100) initiatedBy?: string;
}

export interface SkippedMigration {
  subscriptionId: string;
  /** §11 item 8: a pending change is never overwritten. */
  reason: 'plan_change_pending' | 'price_migration_pending';
  pendingOfferingId: string;
}

export interface MigratePriceResult {
  offeringId: string;
  newPriceId: string;
  newAmount: string;
  currency: string;
  effectiveAt: Date;
  count: number;
  subscriptionIds: string[];
  skipped: SkippedMigration[];
}

/**
 * Operator price migration: every active or blocked line on the offering gets pending =
 * (same offering, new price, effectiveFrom + noticeDays) and one email notice; the change pivots
 * at the first renewal on or after that instant. Lines with something already pending are
 * skipped and reported.
 */
@Verb({
  name: 'admin.catalog.migrate_price',
  input: MigratePriceInput,
  summary: 'Move every live line of a plan to a new price at its first renewal after the notice period (one email each)',
})
@Injectable()
export class MigratePriceCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalog: CatalogQueries,
    private readonly customers: CustomerQueries,
    private readonly interactions: InteractionLog,
    private readonly email: EmailOutbox,
  ) {}

  async execute(input: MigratePriceInput): Promise<MigratePriceResult> {
    const dto = await validateInput(MigratePriceInput, input);
    return this.uow.run((w) => this.migrate(w, dto));
  }

  async executeIn(w: WriteScope, input: MigratePriceInput): Promise<MigratePriceResult> {
    return this.migrate(w, await validateInput(MigratePriceInput, input));
  }

  private async migrate(w: WriteScope, dto: MigratePriceInput): Promise<MigratePriceResult> {
    assertAdmin(w.auth);
    const price = await this.priceOrUndefined(dto.newPriceId);
    const offeringId = dto.offeringId;
    assertPriceMigrationTarget(offeringId, dto.newPriceId, price);
    if (!price) throw new Error('unreachable: the policy refuses an unknown price');
    const offering = await this.catalog.getOffering(offeringId);
    const effectiveAt = addDays(parseInstant(dto.effectiveFrom, 'effectiveFrom'), dto.noticeDays ?? DEFAULT_NOTICE_DAYS);
    const initiatedBy = dto.initiatedBy ?? w.auth.actor;

    const lines = await w.tx.find(SubscriptionEntity, {
      where: { offeringId, state: In(['active', 'blocked']), tenantId: w.auth.tenant },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const migrated: string[] = [];
    const skipped: SkippedMigration[] = [];
    for (const line of lines) {
      if (line.pendingOfferingId !== null) {
        skipped.push({
          subscriptionId: line.id,
          reason: line.pendingOfferingId === line.offeringId ? 'price_migration_pending' : 'plan_change_pending',
          pendingOfferingId: line.pendingOfferingId,
        });
        continue;
      }
      const oldAmount = line.priceAmount;
      line.pendingOfferingId = line.offeringId;
      line.pendingOfferingPriceId = price.id;
      line.pendingEffectiveAt = effectiveAt;
      line.updatedAt = w.now;
      await saveSubscription(w, line);
      const notice = { offeringId, offeringName: offering.name, msisdn: line.msisdn, oldAmount, newAmount: price.amount, newCurrency: price.currency, effectiveAt: effectiveAt.toISOString() };
      await w.emit({
        eventType: 'subscription.price_migration_scheduled',
        aggregateType: 'subscription',
        aggregateId: line.id,
        payload: { subscriptionId: line.id, offeringId, oldAmount, newAmount: price.amount, newCurrency: price.currency, newPriceId: price.id, effectiveAt: notice.effectiveAt, initiatedBy },
      });
      await this.notify(w, line, notice);
      migrated.push(line.id);
    }
    return { offeringId, newPriceId: price.id, newAmount: price.amount, currency: price.currency, effectiveAt, count: migrated.length, subscriptionIds: migrated, skipped };
  }

  private async notify(
    w: WriteScope,
    line: SubscriptionEntity,
    notice: { offeringName: string; msisdn: string; oldAmount: string; newAmount: string; newCurrency: string; effectiveAt: string },
  ): Promise<void> {
    const customer = await this.customers.get(line.customerId);
    await w.emit({
      eventType: 'notification.requested',
      aggregateType: 'subscription',
      aggregateId: line.id,
      payload: { customerId: line.customerId, channel: 'email', template: 'price_migration_notice', templateArgs: notice },
    });
    if (customer.email) {
      await this.email.send(w, {
        to: customer.email,
        ...priceChangeNoticeEmail({ customerName: customer.name, planName: notice.offeringName, msisdn: notice.msisdn, oldAmount: notice.oldAmount, newAmount: notice.newAmount, currency: notice.newCurrency, effectiveAt: notice.effectiveAt }),
      });
    }
    await this.interactions.record(w, {
      customerId: line.customerId,
      summary: `Price change notice: ${notice.offeringName} ${notice.newCurrency} ${notice.oldAmount} → ${notice.newAmount} from ${notice.effectiveAt.slice(0, 10)}`,
      direction: 'outbound',
      channel: 'email',
    });
  }

  private async priceOrUndefined(priceId: string): Promise<PriceView | undefined> {
    try {
      return await this.catalog.priceById(priceId);
    } catch (error) {
      if (error instanceof NotFound) return undefined;
      throw error;
    }
  }
}
