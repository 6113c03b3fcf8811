import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InteractionLog } from '@bss/crm';
import { validateInput, Verb } from '@bss/platform';
import { SUBSCRIPTION_ID_PATTERN } from '#subscription/domain/subscription.ids';
import type { SubscriptionView } from '#subscription/domain/subscription.views';
import { assertPlanChangeCancellable } from '#subscription/policies/subscription.policies';
import { readSubscriptionView } from '#subscription/queries/subscription.queries';
import { lockSubscription, saveSubscription } from './subscription.store';

export class CancelPlanChangeInput {
  @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'subscriptionId must look like SUB-0001' }) subscriptionId!: string;
}

/** Drops a scheduled plan change; with nothing pending it is a silent no-op (no event). */
@Verb({
  name: 'subscription.cancel_plan_change',
  input: CancelPlanChangeInput,
  summary: 'Drop a scheduled plan change (nothing pending: nothing happens)',
})
@Injectable()
export class CancelPlanChangeCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: CancelPlanChangeInput): Promise<SubscriptionView> {
    const dto = await validateInput(CancelPlanChangeInput, input);
    return this.uow.run((w) => this.cancel(w, dto));
  }

  async executeIn(w: WriteScope, input: CancelPlanChangeInput): Promise<SubscriptionView> {
    return this.cancel(w, await validateInput(CancelPlanChangeInput, input));
  }

  private async cancel(w: WriteScope, dto: CancelPlanChangeInput): Promise<SubscriptionView> {
    const line = await lockSubscription(w, dto.subscriptionId);
    if (!assertPlanChangeCancellable(line)) return readSubscriptionView(w.tx, line, w.now);
    const previousPending = {
      offeringId: line.pendingOfferingId,
      offeringPriceId: line.pendingOfferingPriceId,
      effectiveAt: line.pendingEffectiveAt?.toISOString() ?? null,
    };
    line.pendingOfferingId = null;
    line.pendingOfferingPriceId = null;
    line.pendingEffectiveAt = null;
    line.updatedAt = w.now;
    await saveSubscription(w, line);
    await w.emit({
      eventType: 'subscription.plan_change_cancelled',
      aggregateType: 'subscription',
      aggregateId: line.id,
      payload: { subscriptionId: line.id, previousPending },
    });
    await this.interactions.record(w, { customerId: line.customerId, summary: `Scheduled plan change to ${previousPending.offeringId} cancelled on line ${line.id}` });
    return readSubscriptionView(w.tx, line, w.now);
  }
}
