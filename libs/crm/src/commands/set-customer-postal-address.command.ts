import { Injectable } from '@nestjs/common';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsNull } from 'typeorm';
import { UnitOfWork } from '@bss/audit';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { ContactMediumEntity } from '#crm/domain/contact-medium.entity';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import type { ContactMediumView } from '#crm/domain/customer.view';
import { AddContactMediumCommand } from './add-contact-medium.command';
import { lockCustomer } from './crm-loaders';
import { UpdateContactMediumCommand } from './update-contact-medium.command';

export class SetCustomerPostalAddressInput {
  @Matches(ID_PATTERNS.customer) customerId!: string;
  /** The customer's own live postal medium to change; left out while they have none yet. */
  @IsOptional() @IsString() @MaxLength(64) contactMediumId?: string;
  @IsString() @MaxLength(254) value!: string;
}

/**
 * `customer.set_postal_address`: the one write behind the portal's address form. A customer with
 * no postal address gets one (primary); otherwise the named medium must be one of their own live
 * postal ones, and its value changes. Any other id (unknown, someone else's, a phone) is NotFound.
 */
@Verb({
  name: 'customer.set_postal_address',
  input: SetCustomerPostalAddressInput,
  summary: "Adds or changes a customer's postal address",
  cliExempt: 'the portal profile form; operators have no contact-medium CLI verbs yet',
})
@Injectable()
export class SetCustomerPostalAddressCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly addMedium: AddContactMediumCommand,
    private readonly updateMedium: UpdateContactMediumCommand,
  ) {}

  async execute(input: SetCustomerPostalAddressInput): Promise<ContactMediumView> {
    const dto = await validateInput(SetCustomerPostalAddressInput, { ...input, contactMediumId: input?.contactMediumId || undefined });
    return this.uow.run(async (w) => {
      const customer = await lockCustomer(w, dto.customerId);
      const postal = await w.tx.find(ContactMediumEntity, { where: { partyId: customer.partyId, mediumType: 'postal', validTo: IsNull() } });
      if (!dto.contactMediumId && postal.length === 0) {
        return this.addMedium.executeIn(w, { customerId: customer.id, mediumType: 'postal', value: dto.value, isPrimary: true });
      }
      const medium = postal.find((m) => m.id === dto.contactMediumId);
      if (!medium) throw new NotFound('contact medium', dto.contactMediumId ?? '(none)', { customerId: customer.id });
      return this.updateMedium.executeIn(w, { customerId: customer.id, contactMediumId: medium.id, value: dto.value });
    });
  }
}
