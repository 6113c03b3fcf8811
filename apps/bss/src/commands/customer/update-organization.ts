import { Args, Flags } from '@oclif/core';
import { UpdateOrganizationCommand, type OrganizationView } from '@bss/crm';
import { BssCommand } from '#bss/base/bss-command';
import { organizationAttributes, renderOrganization } from '#bss/commands/customer/create-organization';

export default class CustomerUpdateOrganization extends BssCommand<OrganizationView> {
  static override summary = 'Change a business customer (organization): names, registration, status or its related individuals';
  static override examples = ['<%= config.bin %> customer update-organization PTY-0a1b2c3d --status validated --members CUST-0a1b2c3d:admin'];
  static override args = { organizationId: Args.string({ description: 'PTY-… id of the organization', required: true }) };
  static override flags = {
    'trading-name': Flags.string({ description: 'New trading name' }),
    'legal-name': Flags.string({ description: 'New registered legal name' }),
    type: Flags.string({ description: 'New organization type' }),
    'registration-id': Flags.string({ description: 'New company registration number' }),
    status: Flags.string({ description: 'initialized or validated', options: ['initialized', 'validated'] }),
    members: Flags.string({ description: 'Replace the related individuals: CUST-…[:role], comma-separated' }),
  };

  protected async execute(): Promise<OrganizationView> {
    const { args, flags } = await this.parse(CustomerUpdateOrganization);
    return (await this.service(UpdateOrganizationCommand)).execute({ organizationId: args.organizationId, tradingName: flags['trading-name'], ...organizationAttributes(flags) });
  }

  protected render(o: OrganizationView): string {
    return renderOrganization(o);
  }
}
