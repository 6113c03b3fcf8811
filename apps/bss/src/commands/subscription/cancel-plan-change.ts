import { Args } from '@oclif/core';
import { Clock } from '@bss/platform';
import { CancelPlanChangeCommand } from '@bss/subscription';
import { BssCommand } from '#bss/base/bss-command';
import { loadSubscriptionCard, renderSubscription, type SubscriptionShowResult } from './show';

export default class SubscriptionCancelPlanChange extends BssCommand<SubscriptionShowResult> {
  static override summary = 'Drop a scheduled plan change (nothing pending: nothing happens)';
  static override examples = ['<%= config.bin %> subscription cancel-plan-change SUB-0001'];
  static override args = { id: Args.string({ required: true, description: 'Subscription id, e.g. SUB-0001' }) };

  private now = new Date(0);

  protected async execute(): Promise<SubscriptionShowResult> {
    const { args } = await this.parse(SubscriptionCancelPlanChange);
    await (await this.service(CancelPlanChangeCommand)).execute({ subscriptionId: args.id });
    this.now = await (await this.service(Clock)).now();
    return loadSubscriptionCard((type) => this.service(type), args.id);
  }

  protected render(result: SubscriptionShowResult): string {
    return `✓ No plan change pending on ${result.id} (stays on ${result.offeringId})\n${renderSubscription(result, this.now)}`;
  }
}
