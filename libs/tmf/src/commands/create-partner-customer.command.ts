import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@bss/audit';
import { CreateCustomerCommand, CreateCustomerInput, type CreateCustomerResult } from '@bss/crm';
import { Verb } from '@bss/platform';
import { PartnerCustomerEntity } from '#tmf/domain/partner-customer.entity';

/**
 * TMF632 `POST individual`: customer.create, plus the calling partner's entitlement to that
 * customer, in one transaction: a customer never exists without the link that lets its partner see it.
 */
@Verb({ name: 'partner_customer.create', input: CreateCustomerInput, summary: 'Create a customer on behalf of the calling partner (TMF632), who alone may then see it', cliExempt: 'partners create customers over the TMF APIs only; operators use customer.create' })
@Injectable()
export class CreatePartnerCustomerCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly createCustomer: CreateCustomerCommand,
  ) {}

  async execute(input: CreateCustomerInput): Promise<CreateCustomerResult> {
    return this.uow.run(async (w) => {
      const customer = await this.createCustomer.executeIn(w, input);
      await w.tx.insert(PartnerCustomerEntity, { tenantId: w.auth.tenant, serviceIdentity: w.auth.serviceIdentity, customerId: customer.id, createdAt: w.now });
      await w.emit({ eventType: 'partner_customer.created', aggregateType: 'customer', aggregateId: customer.id, payload: { customerId: customer.id, serviceIdentity: w.auth.serviceIdentity } });
      return customer;
    });
  }
}
