import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CatalogQueries, type PriceView } from '@bss/catalog';
import { InteractionLog } from '@bss/crm';
import { Clock, PolicyViolation, validateInput, Verb } from '@bss/platform';
import { CATALOG_ID_PATTERN, SUBSCRIPTION_ID_PATTERN } from '#subscription/domain/subscription.ids';
import type { SubscriptionView } from '#subscription/domain/subscription.views';
import { assertPlanChangeSchedulable } from '#subscription/policies/subscription.policies';
import { readSubscriptionView } from '#subscription/queries/subscription.queries';
import { lockSubscription, saveSubscription } from './subscription.store';

export class SchedulePlanChangeInput {
  @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'subscriptionId must look like SUB-0001' }) subscriptionId!: string;
  @Matches(CATALOG_ID_PATTERN, { message: 'offeringId must be a catalog id like PLAN_M' }) offeringId!: string;
}

/**
 * Pins a move to another plan at the next renewal (no proration): pending = (target, its active
 * price id now, nextRenewalAt). State and price stay as they are until renewal applies it.
 */
@Verb({
  name: 'subscription.schedule_plan_change',
  input: SchedulePlanChangeInput,
  summary: 'Switch plans at the next renewal (no proration; the target price is pinned now)',
})
@Injectable()
export class SchedulePlanChangeCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalog: CatalogQueries,
    private readonly interactions: InteractionLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: SchedulePlanChangeInput): Promise<SubscriptionView> {
    const dto = await validateInput(SchedulePlanChangeInput, input);
    // Catalog facts first, so no other connection is needed while the line is locked.
    const target = await this.target(dto.offeringId, await this.clock.now());
    return this.uow.run((w) => this.schedule(w, dto, target));
  }

  async executeIn(w: WriteScope, input: SchedulePlanChangeInput): Promise<SubscriptionView> {
    const dto = await validateInput(SchedulePlanChangeInput, input);
    return this.schedule(w, dto, await this.target(dto.offeringId, w.now));
  }

  /** NotFound for an unknown offering; whether it is sellable and priced at `at`. */
  private async target(offeringId: string, at: Date): Promise<{ sellableNow: boolean; price: PriceView | null }> {
    await this.catalog.getOffering(offeringId);
    const sellableNow = (await this.catalog.listActiveOfferings(at)).some((o) => o.id === offeringId);
    return { sellableNow, price: await this.activePriceOrNull(offeringId, at) };
  }

  private async schedule(w: WriteScope, dto: SchedulePlanChangeInput, target: { sellableNow: boolean; price: PriceView | null }): Promise<SubscriptionView> {
    const line = await lockSubscription(w, dto.subscriptionId);
    const price = target.price;
    assertPlanChangeSchedulable(line, { offeringId: dto.offeringId, sellableNow: target.sellableNow, hasActivePrice: price !== null });
    if (!price) throw new Error('unreachable: the policy refuses an unpriced target');

    line.pendingOfferingId = dto.offeringId;
    line.pendingOfferingPriceId = price.id;
    line.pendingEffectiveAt = line.nextRenewalAt;
    line.updatedAt = w.now;
    await saveSubscription(w, line);
    await w.emit({
      eventType: 'subscription.plan_change_scheduled',
      aggregateType: 'subscription',
      aggregateId: line.id,
      payload: {
        subscriptionId: line.id,
        currentOfferingId: line.offeringId,
        newOfferingId: dto.offeringId,
        newPriceId: price.id,
        newPriceAmount: price.amount,
        newPriceCurrency: price.currency,
        effectiveAt: line.pendingEffectiveAt?.toISOString() ?? null,
      },
    });
    await this.interactions.record(w, {
      customerId: line.customerId,
      summary: `Plan change ${line.offeringId} → ${dto.offeringId} scheduled for the next renewal on line ${line.id}`,
    });
    return readSubscriptionView(w.tx, line, w.now);
  }

  private async activePriceOrNull(offeringId: string, at: Date): Promise<PriceView | null> {
    try {
      return await this.catalog.activePrice(offeringId, at);
    } catch (error) {
      if (error instanceof PolicyViolation) return null;
      throw error;
    }
  }
}
