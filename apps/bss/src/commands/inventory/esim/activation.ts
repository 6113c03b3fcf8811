import { Args, Flags } from '@oclif/core';
import { InventoryQueries, type EsimActivationView } from '@bss/inventory';
import { renderEsimActivation } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class InventoryEsimActivation extends BssCommand<EsimActivationView> {
  static override summary = 'Show the activation card (LPA code + QR) of an eSIM profile';
  static override examples = ['<%= config.bin %> inventory esim activation 8910101000000000000', '<%= config.bin %> inventory esim activation 8910101000000000000 --show-full'];
  static override args = { iccid: Args.string({ required: true, description: 'ICCID (19–20 digits)' }) };
  static override flags = { 'show-full': Flags.boolean({ description: 'Show the full ICCID and IMSI instead of the last four digits', default: false }) };

  private showFull = false;

  protected async execute(): Promise<EsimActivationView> {
    const { args, flags } = await this.parse(InventoryEsimActivation);
    this.showFull = flags['show-full'];
    return (await this.service(InventoryQueries)).activation(args.iccid);
  }

  protected render(a: EsimActivationView): string {
    // A held profile is what the card calls "prepared": ready for the customer to scan.
    const status = a.profileState === 'reserved' ? 'prepared' : a.profileState;
    return renderEsimActivation({ iccid: a.iccid, imsi: a.imsi, msisdn: a.msisdn, activationCode: a.activationCode, status }, { showFull: this.showFull });
  }
}
