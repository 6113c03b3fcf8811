import { Flags } from '@oclif/core';
import { parseUsageQuantity, SimulateUsageCommand, type RecordUsageResult } from '@bss/subscription';
import { formatMsisdn, formatQuantity } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

const TYPES = ['data', 'voice', 'sms'] as const;

export default class UsageSimulate extends BssCommand<RecordUsageResult> {
  static override summary = 'Send one usage event through mediation and rating, as the network would';
  static override examples = [
    '<%= config.bin %> usage simulate --msisdn 90000001 --type data --quantity 500mb',
    '<%= config.bin %> usage simulate --msisdn 90000001 --type data --quantity 1gb --roaming',
    '<%= config.bin %> usage simulate --msisdn 90000001 --type voice --quantity 10min',
    '<%= config.bin %> usage simulate --msisdn 90000001 --type sms --quantity 5 --json',
  ];
  static override flags = {
    msisdn: Flags.string({ char: 'm', required: true, description: 'The line’s number, e.g. 90000001' }),
    type: Flags.string({ char: 't', required: true, options: [...TYPES], description: 'Usage type' }),
    quantity: Flags.string({ char: 'q', required: true, description: '500mb, 1gb (=1024mb), 10min, 5; a bare number is mb, minutes or count by type' }),
    roaming: Flags.boolean({ description: 'Roaming: data is rated against the roaming bucket', default: false }),
    'event-id': Flags.string({ description: 'The event id (a repeat with the same id is recorded once)' }),
  };

  protected async execute(): Promise<RecordUsageResult> {
    const { flags } = await this.parse(UsageSimulate);
    const eventType = flags.type as (typeof TYPES)[number];
    const { quantity, unit } = parseUsageQuantity(flags.quantity, eventType);
    return (await this.service(SimulateUsageCommand)).execute({
      msisdn: flags.msisdn,
      eventType,
      quantity,
      unit,
      source: 'cli',
      roamingIndicator: flags.roaming,
      eventId: flags['event-id'],
    });
  }

  protected render(r: RecordUsageResult): string {
    const u = r.usageEvent;
    const head =
      r.outcome === 'duplicate'
        ? `• ${u.id} already recorded (event ${u.eventId}); nothing rated again`
        : `✓ ${u.id}: ${formatQuantity(u.quantity, u.unit)} ${u.eventType}${u.roamingIndicator ? ' (roaming)' : ''} on ${formatMsisdn(u.msisdn)} → ${r.subscriptionId}`;
    const b = r.balance;
    const bucket = b ? `  ${b.allowanceType}: ${b.total < 0 ? 'Unlimited' : `${formatQuantity(b.remaining, b.unit)} of ${formatQuantity(b.total, b.unit)} left`}` : '  not rated: the plan has no bucket for this usage';
    const blocked = r.blocked ? `\n  ✗ data exhausted — ${r.subscriptionId} is now BLOCKED (top up: bss subscription vas ${r.subscriptionId} VAS_DATA_1GB)` : '';
    return `${head}\n${bucket}${blocked}`;
  }
}
