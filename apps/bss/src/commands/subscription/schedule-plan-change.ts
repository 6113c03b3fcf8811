import { Args } from '@oclif/core';
import { Clock } from '@bss/platform';
import { SchedulePlanChangeCommand } from '@bss/subscription';
import { BssCommand } from '#bss/base/bss-command';
import { loadSubscriptionCard, renderSubscription, type SubscriptionShowResult } from './show';

export default class SubscriptionSchedulePlanChange extends BssCommand<SubscriptionShowResult> {
  static override summary = 'Switch plans at the next renewal (no proration; the target price is pinned now)';
  static override examples = ['<%= config.bin %> subscription schedule-plan-change SUB-0001 PLAN_L'];
  static override args = {
    id: Args.string({ required: true, description: 'Subscription id, e.g. SUB-0001' }),
    plan: Args.string({ required: true, description: 'Target offering id, e.g. PLAN_L' }),
  };

  private now = new Date(0);

  protected async execute(): Promise<SubscriptionShowResult> {
    const { args } = await this.parse(SubscriptionSchedulePlanChange);
    await (await this.service(SchedulePlanChangeCommand)).execute({ subscriptionId: args.id, offeringId: args.plan });
    this.now = await (await this.service(Clock)).now();
    return loadSubscriptionCard((type) => this.service(type), args.id);
  }

  protected render(result: SubscriptionShowResult): string {
    const when = result.pendingEffectiveAt?.toISOString().slice(0, 10) ?? '—';
    return `✓ ${result.id} moves from ${result.offeringId} to ${result.pendingOfferingId} at the renewal on ${when}\n${renderSubscription(result, this.now)}`;
  }
}
