import { Injectable } from '@nestjs/common';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PolicyViolation, randomId, validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CRM_RULES } from '#crm/crm.errors';
import { ContactMediumEntity } from '#crm/domain/contact-medium.entity';
import { normalizeMediumValue } from '#crm/domain/contact-medium.format';
import { ID_PATTERNS, MEDIUM_TYPES, type MediumType } from '#crm/domain/crm.values';
import { CustomerEntity } from '#crm/domain/customer.entity';
import { toContactMediumView, type ContactMediumView } from '#crm/domain/customer.view';
import { assertCustomerNotClosed, assertEmailFree } from '#crm/policies/customer.policies';
import { findLiveEmailOwner, settlePrimary } from './contact-media';
import { isUniqueViolation, lockCustomer } from './crm-loaders';
import { InteractionLog } from './interaction-log';

export class AddContactMediumInput {
  @Matches(ID_PATTERNS.customer) customerId!: string;
  @IsIn(MEDIUM_TYPES) mediumType!: MediumType;
  @IsString() @MaxLength(254) value!: string;
  /** Default: primary only when the customer has no live medium of this type yet. */
  @IsOptional() @IsBoolean() isPrimary?: boolean;
}

@Verb({
  name: 'customer.add_contact_medium',
  input: AddContactMediumInput,
  summary: 'Add an email or phone contact medium to a customer',
  cliExempt: "the self-serve profile page and identity's email change call it; operators have no CLI verb for contact media yet",
})
@Injectable()
export class AddContactMediumCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: AddContactMediumInput): Promise<ContactMediumView> {
    const dto = await validateInput(AddContactMediumInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: AddContactMediumInput): Promise<ContactMediumView> {
    return this.apply(w, await validateInput(AddContactMediumInput, input));
  }

  private async apply(w: WriteScope, dto: AddContactMediumInput): Promise<ContactMediumView> {
    const customer = await lockCustomer(w, dto.customerId);
    assertCustomerNotClosed(customer);
    const value = normalizeMediumValue(dto.mediumType, dto.value);
    if (dto.mediumType === 'email') assertEmailFree(value, await findLiveEmailOwner(w, value), CRM_RULES.contactMediumEmailUnique);

    const id = randomId('CM');
    try {
      await w.tx.insert(ContactMediumEntity, {
        id,
        partyId: customer.partyId,
        mediumType: dto.mediumType,
        value,
        isPrimary: false,
        validFrom: w.now,
        validTo: null,
        tenantId: w.auth.tenant,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'contact_medium_live_email_uq')) {
        throw new PolicyViolation(CRM_RULES.contactMediumEmailUnique, `Email ${value} is already in use by another customer`, { email: value });
      }
      throw error;
    }
    await settlePrimary(w, customer.partyId, dto.mediumType, dto.isPrimary ? id : undefined);
    await w.tx.update(CustomerEntity, { id: customer.id }, { updatedAt: w.now });
    const medium = await w.tx.findOneByOrFail(ContactMediumEntity, { id });
    await w.emit({
      eventType: 'customer.contact_medium_added',
      aggregateType: 'customer',
      aggregateId: customer.id,
      payload: { customerId: customer.id, contactMediumId: id, mediumType: dto.mediumType, isPrimary: medium.isPrimary },
    });
    await this.interactions.record(w, { customerId: customer.id, summary: `Contact medium added: ${dto.mediumType}` });
    return toContactMediumView(medium);
  }
}
