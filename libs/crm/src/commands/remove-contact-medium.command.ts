import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { ContactMediumEntity } from '#crm/domain/contact-medium.entity';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { CustomerEntity } from '#crm/domain/customer.entity';
import { toContactMediumView, type ContactMediumView } from '#crm/domain/customer.view';
import { assertCustomerNotClosed, assertMediumLive } from '#crm/policies/customer.policies';
import { settlePrimary } from './contact-media';
import { lockCustomer } from './crm-loaders';
import { InteractionLog } from './interaction-log';

export class RemoveContactMediumInput {
  @Matches(ID_PATTERNS.customer) customerId!: string;
  @Matches(ID_PATTERNS.contactMedium) contactMediumId!: string;
}

/** Ends the medium (`validTo = now`) rather than deleting it; a freed email can be used again. */
@Verb({
  name: 'customer.remove_contact_medium',
  input: RemoveContactMediumInput,
  summary: 'Remove a contact medium from a customer',
  cliExempt: "identity's email change calls it; operators have no CLI verb for contact media yet",
})
@Injectable()
export class RemoveContactMediumCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: RemoveContactMediumInput): Promise<ContactMediumView> {
    const dto = await validateInput(RemoveContactMediumInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: RemoveContactMediumInput): Promise<ContactMediumView> {
    return this.apply(w, await validateInput(RemoveContactMediumInput, input));
  }

  private async apply(w: WriteScope, dto: RemoveContactMediumInput): Promise<ContactMediumView> {
    const customer = await lockCustomer(w, dto.customerId);
    assertCustomerNotClosed(customer);
    const medium = await w.tx.findOne(ContactMediumEntity, { where: { id: dto.contactMediumId, partyId: customer.partyId } });
    if (!medium) throw new NotFound('contact medium', dto.contactMediumId, { customerId: customer.id });
    assertMediumLive(medium);
    await w.tx.update(ContactMediumEntity, { id: medium.id }, { validTo: w.now, isPrimary: false });
    await settlePrimary(w, customer.partyId, medium.mediumType);
    await w.tx.update(CustomerEntity, { id: customer.id }, { updatedAt: w.now });
    await w.emit({
      eventType: 'customer.contact_medium_removed',
      aggregateType: 'customer',
      aggregateId: customer.id,
      payload: { customerId: customer.id, contactMediumId: medium.id, mediumType: medium.mediumType },
    });
    await this.interactions.record(w, { customerId: customer.id, summary: `Contact medium removed: ${medium.mediumType}` });
    return toContactMediumView(await w.tx.findOneByOrFail(ContactMediumEntity, { id: medium.id }));
  }
}
