import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@bss/audit';
import { CreateOrganizationCommand, CreateOrganizationInput, type OrganizationView } from '@bss/crm';
import { validateInput, Verb } from '@bss/platform';
import { PartnerCustomerEntity } from '#tmf/domain/partner-customer.entity';

/**
 * TMF632 `POST organization`: customer.create_organization plus the calling partner's entitlement, in
 * one transaction. An organization is a business customer, so its link is a `tmf.partner_customer`
 * row keyed by its party id: the partner alone sees it, exactly as with the individuals it creates.
 */
@Verb({
  name: 'partner_organization.create',
  input: CreateOrganizationInput,
  summary: 'Create a business customer (organization) on behalf of the calling partner (TMF632), who alone may then see it',
  cliExempt: 'partners create organizations over the TMF APIs only; operators use customer.create_organization',
})
@Injectable()
export class CreatePartnerOrganizationCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly createOrganization: CreateOrganizationCommand,
  ) {}

  async execute(input: CreateOrganizationInput): Promise<OrganizationView> {
    const dto = await validateInput(CreateOrganizationInput, input);
    return this.uow.run(async (w) => {
      const organization = await this.createOrganization.executeIn(w, dto);
      await w.tx.insert(PartnerCustomerEntity, { tenantId: w.auth.tenant, serviceIdentity: w.auth.serviceIdentity, customerId: organization.id, createdAt: w.now });
      await w.emit({ eventType: 'partner_organization.created', aggregateType: 'organization', aggregateId: organization.id, payload: { organizationId: organization.id, serviceIdentity: w.auth.serviceIdentity } });
      return organization;
    });
  }
}
