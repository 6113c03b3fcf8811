import { Args } from '@oclif/core';
import { InventoryQueries, type EsimView } from '@bss/inventory';
import { formatMsisdn, formatSecond, groupIccid, renderFieldTable } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class InventoryEsimShow extends BssCommand<EsimView> {
  static override summary = 'Show one eSIM profile (use `inventory esim activation` for the QR code)';
  static override examples = ['<%= config.bin %> inventory esim show 8910101000000000000'];
  static override args = { iccid: Args.string({ required: true, description: 'ICCID (19–20 digits)' }) };

  protected async execute(): Promise<EsimView> {
    const { args } = await this.parse(InventoryEsimShow);
    return (await this.service(InventoryQueries)).getEsim(args.iccid);
  }

  protected render(e: EsimView): string {
    return renderFieldTable(`eSIM ${groupIccid(e.iccid)}`, [
      ['state', e.profileState],
      ['imsi', e.imsi],
      ['msisdn', formatMsisdn(e.assignedMsisdn) || '—'],
      ['subscription', e.assignedToSubscriptionId ?? '—'],
      ['smdp server', e.smdpServer],
      ['matching id', e.matchingId],
      ['reserved at', formatSecond(e.reservedAt)],
      ['issued at', formatSecond(e.issuedAt)],
      ['recycled at', formatSecond(e.recycledAt)],
    ]);
  }
}
