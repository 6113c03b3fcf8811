import { Flags } from '@oclif/core';
import { DEFAULT_NOTICE_DAYS, MigratePriceCommand, type MigratePriceResult } from '@bss/subscription';
import { BssCommand } from '#bss/base/bss-command';

export default class AdminCatalogMigratePrice extends BssCommand<MigratePriceResult> {
  static override summary = "Move every live line of a plan to a new price at its first renewal after the notice period (one email each)";
  static override examples = [
    '<%= config.bin %> admin catalog migrate-price --offering PLAN_M --new-price-id PRICE_PLAN_M_2026 --effective-from 2026-03-01',
    '<%= config.bin %> admin catalog migrate-price --offering PLAN_M --new-price-id PRICE_PLAN_M_2026 --effective-from 2026-03-01 --notice-days 45 --json',
  ];
  static override flags = {
    offering: Flags.string({ required: true, description: 'Offering whose lines move, e.g. PLAN_M' }),
    'new-price-id': Flags.string({ required: true, description: 'A price row of that offering (see bss admin catalog set-price)' }),
    'effective-from': Flags.string({ required: true, description: 'ISO date or date-time the notice period starts from' }),
    'notice-days': Flags.integer({ description: 'Days of notice added to --effective-from', default: DEFAULT_NOTICE_DAYS, min: 0, max: 365 }),
  };

  protected async execute(): Promise<MigratePriceResult> {
    const { flags } = await this.parse(AdminCatalogMigratePrice);
    return (await this.service(MigratePriceCommand)).execute({
      offeringId: flags.offering,
      newPriceId: flags['new-price-id'],
      effectiveFrom: flags['effective-from'],
      noticeDays: flags['notice-days'],
    });
  }

  protected render(r: MigratePriceResult): string {
    const lines = [
      `✓ ${r.count} line(s) on ${r.offeringId} move to ${r.currency} ${r.newAmount} (${r.newPriceId}) at their first renewal from ${r.effectiveAt.toISOString().slice(0, 10)}; one notice emailed each`,
    ];
    if (r.subscriptionIds.length) lines.push(`  migrated: ${r.subscriptionIds.join(', ')}`);
    for (const s of r.skipped) lines.push(`  skipped ${s.subscriptionId}: ${s.reason.replace(/_/g, ' ')} (${s.pendingOfferingId})`);
    return lines.join('\n');
  }
}
