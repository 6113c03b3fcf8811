import { Args } from '@oclif/core';
import { Clock } from '@bss/platform';
import { VasSubscriptionCommand, type VasSubscriptionResult } from '@bss/subscription';
import { formatAllowance } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';
import { loadSubscriptionCard, renderSubscription, type SubscriptionShowResult } from './show';

export default class SubscriptionVas extends BssCommand<VasSubscriptionResult> {
  static override summary = 'Buy a top-up (VAS) for a line, charged to the card on file';
  static override examples = ['<%= config.bin %> subscription vas SUB-0001 VAS_DATA_1GB', '<%= config.bin %> subscription vas SUB-0001 VAS_UNLIMITED_DAY --json'];
  static override args = {
    id: Args.string({ required: true, description: 'Subscription id, e.g. SUB-0001' }),
    vas: Args.string({ required: true, description: 'VAS offering id, e.g. VAS_DATA_1GB (see bss catalog vas)' }),
  };

  private card?: SubscriptionShowResult;
  private now = new Date(0);

  protected async execute(): Promise<VasSubscriptionResult> {
    const { args } = await this.parse(SubscriptionVas);
    const result = await (await this.service(VasSubscriptionCommand)).execute({ subscriptionId: args.id, vasOfferingId: args.vas });
    this.now = await (await this.service(Clock)).now();
    this.card = await loadSubscriptionCard((type) => this.service(type), args.id);
    return result;
  }

  protected render(result: VasSubscriptionResult): string {
    const v = result.vasPurchase;
    const added = v.allowanceAdded < 0 ? `unlimited ${v.allowanceType} until ${v.expiresAt?.toISOString().replace('T', ' ').slice(0, 16) ?? '—'}` : `+${formatAllowance(v.allowanceAdded, v.unit)} ${v.allowanceType}`;
    const state = result.unblocked ? '; line unblocked' : result.subscription.state === 'blocked' ? '; line still blocked' : '';
    const head = `✓ ${v.vasOfferingId}: ${added} — charged ${v.currency} ${v.priceAmount} (${result.paymentAttempt.id})${state}`;
    return this.card ? `${head}\n${renderSubscription(this.card, this.now)}` : head;
  }
}
