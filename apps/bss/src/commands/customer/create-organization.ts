import { Flags } from '@oclif/core';
import { CreateOrganizationCommand, type OrganizationView } from '@bss/crm';
import { InvalidInput } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';

/** `CUST-1:employee,CUST-2` → members with roles (default member); omitted stays omitted (a patch keeps them). */
export function parseMembers(value: string | undefined): { customerId: string; role?: string }[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [customerId, role, extra] = entry.split(':');
      if (extra !== undefined) throw new InvalidInput([{ field: 'members', messages: [`${entry}: use CUST-…[:role]`] }]);
      return role ? { customerId, role } : { customerId };
    });
}

interface OrganizationFlags {
  'trading-name'?: string;
  'legal-name'?: string;
  type?: string;
  'registration-id'?: string;
  status?: string;
  members?: string;
}

/** The organization's attributes from the flags create-organization and update-organization share (absent stays absent). */
export function organizationAttributes(flags: OrganizationFlags) {
  return {
    legalName: flags['legal-name'],
    organizationType: flags.type,
    registrationId: flags['registration-id'],
    status: flags.status as 'initialized' | 'validated' | undefined,
    members: parseMembers(flags.members),
  };
}

export function renderOrganization(o: OrganizationView): string {
  return `✓ Organization ${o.id} ${o.tradingName} (${o.status}), ${o.members.length} related individual(s)`;
}

export default class CustomerCreateOrganization extends BssCommand<OrganizationView> {
  static override summary = 'Create a business customer (organization) and relate individual customers to it';
  static override examples = ['<%= config.bin %> customer create-organization --trading-name "Acme Pte Ltd" --registration-id 201912345K --members CUST-0a1b2c3d:employee'];
  static override flags = {
    'trading-name': Flags.string({ description: 'Name it trades under', required: true }),
    'legal-name': Flags.string({ description: 'Registered legal name' }),
    type: Flags.string({ description: 'Organization type, e.g. company' }),
    'registration-id': Flags.string({ description: 'Company registration number (e.g. a UEN)' }),
    status: Flags.string({ description: 'initialized (default) or validated', options: ['initialized', 'validated'] }),
    members: Flags.string({ description: 'Related individuals: CUST-…[:role], comma-separated' }),
  };

  protected async execute(): Promise<OrganizationView> {
    const { flags } = await this.parse(CustomerCreateOrganization);
    return (await this.service(CreateOrganizationCommand)).execute({ tradingName: flags['trading-name'], ...organizationAttributes(flags) });
  }

  protected render(o: OrganizationView): string {
    return renderOrganization(o);
  }
}
