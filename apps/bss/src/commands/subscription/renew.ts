import { Args } from '@oclif/core';
import { Clock } from '@bss/platform';
import { RenewSubscriptionCommand, type RenewSubscriptionResult } from '@bss/subscription';
import { BssCommand } from '#bss/base/bss-command';
import { loadSubscriptionCard, renderSubscription, type SubscriptionShowResult } from './show';

export default class SubscriptionRenew extends BssCommand<RenewSubscriptionResult> {
  static override summary = 'Renew a line now: charge the next period, reset the bundle (a blocked line comes back when paid)';
  static override examples = ['<%= config.bin %> subscription renew SUB-0001', '<%= config.bin %> subscription renew SUB-0001 --json'];
  static override args = { id: Args.string({ required: true, description: 'Subscription id, e.g. SUB-0001' }) };

  private card?: SubscriptionShowResult;
  private now = new Date(0);

  protected async execute(): Promise<RenewSubscriptionResult> {
    const { args } = await this.parse(SubscriptionRenew);
    const result = await (await this.service(RenewSubscriptionCommand)).execute({ subscriptionId: args.id });
    this.now = await (await this.service(Clock)).now();
    this.card = await loadSubscriptionCard((type) => this.service(type), args.id);
    return result;
  }

  protected render(result: RenewSubscriptionResult): string {
    return `${renewalHeadline(result)}\n${this.card ? renderSubscription(this.card, this.now) : ''}`.trimEnd();
  }
}

export function renewalHeadline(result: RenewSubscriptionResult): string {
  const s = result.subscription;
  const paid = result.paymentAttempt ? `${result.paymentAttempt.currency} ${result.paymentAttempt.amount} (${result.paymentAttempt.id})` : 'nothing to charge';
  if (result.outcome === 'renewed') {
    const pivot = result.pivot === 'plan_change' ? `; now on ${s.offeringId}` : result.pivot === 'price_migration' ? `; new price ${s.currency} ${s.priceAmount}` : '';
    return `✓ Renewed ${s.id}: charged ${paid}, next renewal ${s.nextRenewalAt?.toISOString().slice(0, 10) ?? '—'}${pivot}`;
  }
  if (result.outcome === 'payment_declined') {
    return `✗ Renewal of ${s.id} declined: ${result.paymentAttempt?.declineReason ?? 'card declined'} — line is ${s.state}`;
  }
  return `• ${s.id} was already renewed for this period; nothing charged again`;
}
