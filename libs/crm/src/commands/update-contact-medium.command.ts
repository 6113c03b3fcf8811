import { Injectable } from '@nestjs/common';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { InvalidInput, NotFound, validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { ContactMediumEntity } from '#crm/domain/contact-medium.entity';
import { normalizeMediumValue } from '#crm/domain/contact-medium.format';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { CustomerEntity } from '#crm/domain/customer.entity';
import { toContactMediumView, type ContactMediumView } from '#crm/domain/customer.view';
import { assertCustomerNotClosed, assertMediumLive, assertMediumValueEditable } from '#crm/policies/customer.policies';
import { settlePrimary } from './contact-media';
import { lockCustomer } from './crm-loaders';
import { InteractionLog } from './interaction-log';

export class UpdateContactMediumInput {
  @Matches(ID_PATTERNS.customer) customerId!: string;
  @Matches(ID_PATTERNS.contactMedium) contactMediumId!: string;
  /** Phones and postal addresses only: emails change through the verified flow. */
  @IsOptional() @IsString() @MaxLength(254) value?: string;
  /** `true` makes this the primary medium of its type. */
  @IsOptional() @IsBoolean() isPrimary?: boolean;
}

@Verb({
  name: 'customer.update_contact_medium',
  input: UpdateContactMediumInput,
  summary: 'Change an email or phone contact medium of a customer',
  cliExempt: 'the self-serve profile page calls it; operators have no CLI verb for contact media yet',
})
@Injectable()
export class UpdateContactMediumCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: UpdateContactMediumInput): Promise<ContactMediumView> {
    const dto = await validateInput(UpdateContactMediumInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: UpdateContactMediumInput): Promise<ContactMediumView> {
    return this.apply(w, await validateInput(UpdateContactMediumInput, input));
  }

  private async apply(w: WriteScope, dto: UpdateContactMediumInput): Promise<ContactMediumView> {
    if (dto.value === undefined && dto.isPrimary !== true) {
      throw new InvalidInput([{ field: 'value', messages: ['give a new value, or isPrimary=true'] }]);
    }
    const customer = await lockCustomer(w, dto.customerId);
    assertCustomerNotClosed(customer);
    const medium = await w.tx.findOne(ContactMediumEntity, { where: { id: dto.contactMediumId, partyId: customer.partyId } });
    if (!medium) throw new NotFound('contact medium', dto.contactMediumId, { customerId: customer.id });
    assertMediumLive(medium);
    const changed: string[] = [];
    if (dto.value !== undefined) {
      assertMediumValueEditable(medium);
      await w.tx.update(ContactMediumEntity, { id: medium.id }, { value: normalizeMediumValue(medium.mediumType, dto.value) });
      changed.push('value');
    }
    if (dto.isPrimary === true) {
      await settlePrimary(w, customer.partyId, medium.mediumType, medium.id);
      changed.push('isPrimary');
    }
    await w.tx.update(CustomerEntity, { id: customer.id }, { updatedAt: w.now });
    await w.emit({
      eventType: 'customer.contact_medium_updated',
      aggregateType: 'customer',
      aggregateId: customer.id,
      payload: { customerId: customer.id, contactMediumId: medium.id, mediumType: medium.mediumType, changed },
    });
    await this.interactions.record(w, { customerId: customer.id, summary: `Contact medium updated: ${medium.mediumType}` });
    return toContactMediumView(await w.tx.findOneByOrFail(ContactMediumEntity, { id: medium.id }));
  }
}
