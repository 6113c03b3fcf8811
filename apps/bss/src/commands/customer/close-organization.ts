import { Args, Flags } from '@oclif/core';
import { CloseOrganizationCommand, type OrganizationView } from '@bss/crm';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class CustomerCloseOrganization extends BssCommand<OrganizationView> {
  static override summary = 'Close a business customer (organization); its individuals stay customers on their own';
  static override examples = ['<%= config.bin %> customer close-organization PTY-0a1b2c3d --reason "contract ended" --yes'];
  static override args = { organizationId: Args.string({ description: 'PTY-… id of the organization', required: true }) };
  static override flags = { reason: Flags.string({ description: 'Why it closes' }), yes: yesFlag };

  protected async execute(): Promise<OrganizationView> {
    const { args, flags } = await this.parse(CustomerCloseOrganization);
    this.requireYes(flags.yes, 'customer close-organization');
    return (await this.service(CloseOrganizationCommand)).execute({ organizationId: args.organizationId, reason: flags.reason });
  }

  protected render(o: OrganizationView): string {
    return `✓ Organization ${o.id} ${o.tradingName} closed`;
  }
}
