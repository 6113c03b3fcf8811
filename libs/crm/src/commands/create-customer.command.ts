import { Injectable } from '@nestjs/common';
import { IsEmail, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PolicyViolation, randomId, validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { ContactMediumEntity } from '#crm/domain/contact-medium.entity';
import { normalizeMediumValue } from '#crm/domain/contact-medium.format';
import { E164_PATTERN, ISO_DATE_PATTERN } from '#crm/domain/crm.values';
import { CustomerEntity } from '#crm/domain/customer.entity';
import type { CustomerView } from '#crm/domain/customer.view';
import { IndividualEntity, PartyEntity } from '#crm/domain/party.entity';
import { CRM_RULES } from '#crm/crm.errors';
import { assertEmailFree, assertHasContactMedium } from '#crm/policies/customer.policies';
import { readCustomerView } from '#crm/queries/customer.queries';
import { FirstCardPort } from '#crm/ports/first-card.port';
import { isUniqueViolation } from './crm-loaders';
import { findLiveEmailOwner } from './contact-media';
import { InteractionLog } from './interaction-log';

export class CreateCustomerInput {
  @IsString() @Matches(/\S/, { message: 'givenName must not be blank' }) @MaxLength(100) givenName!: string;
  @IsString() @Matches(/\S/, { message: 'familyName must not be blank' }) @MaxLength(100) familyName!: string;
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @IsOptional() @Matches(E164_PATTERN, { message: 'phone must be E.164, e.g. +6591234567' }) phone?: string;
  @IsOptional() @Matches(ISO_DATE_PATTERN) @IsISO8601({ strict: true }) dateOfBirth?: string;
  /** Also attach this card, in the same transaction: a refused card leaves no customer behind. */
  @IsOptional() @IsString() @MaxLength(40) cardNumber?: string;
}

/** The customer, and the card's view when one was attached. */
export type CreateCustomerResult = CustomerView & { paymentMethod?: object };

/** Creates party, individual, contact media and the customer, directly `active`; with a card, attaches it too. */
@Verb({
  name: 'customer.create',
  input: CreateCustomerInput,
  summary: 'Create a customer (active at once) with an email and/or an E.164 phone',
})
@Injectable()
export class CreateCustomerCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
    private readonly firstCard: FirstCardPort,
  ) {}

  async execute(input: CreateCustomerInput): Promise<CreateCustomerResult> {
    const dto = await validateInput(CreateCustomerInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: CreateCustomerInput): Promise<CreateCustomerResult> {
    return this.apply(w, await validateInput(CreateCustomerInput, input));
  }

  private async apply(w: WriteScope, dto: CreateCustomerInput): Promise<CreateCustomerResult> {
    assertHasContactMedium(dto);
    const email = dto.email === undefined ? undefined : normalizeMediumValue('email', dto.email, 'email');
    if (email) assertEmailFree(email, await findLiveEmailOwner(w, email), CRM_RULES.customerEmailUnique);

    const tenantId = w.auth.tenant;
    const partyId = randomId('PTY');
    const customerId = randomId('CUST');
    await w.tx.insert(PartyEntity, { id: partyId, partyType: 'individual', createdAt: w.now, tenantId });
    await w.tx.insert(IndividualEntity, {
      partyId,
      givenName: dto.givenName.trim(),
      familyName: dto.familyName.trim(),
      dateOfBirth: dto.dateOfBirth ?? null,
      tenantId,
    });
    const media: Partial<ContactMediumEntity>[] = [];
    if (email) media.push({ mediumType: 'email', value: email });
    if (dto.phone) media.push({ mediumType: 'phone', value: normalizeMediumValue('phone', dto.phone, 'phone') });
    try {
      for (const m of media) {
        await w.tx.insert(ContactMediumEntity, { ...m, id: randomId('CM'), partyId, isPrimary: true, validFrom: w.now, validTo: null, tenantId });
      }
    } catch (error) {
      if (email && isUniqueViolation(error, 'contact_medium_live_email_uq')) {
        throw new PolicyViolation(CRM_RULES.customerEmailUnique, `Email ${email} is already in use by another customer`, { email });
      }
      throw error;
    }
    await w.tx.insert(CustomerEntity, {
      id: customerId,
      partyId,
      status: 'active',
      statusReason: null,
      customerSince: w.now,
      kycStatus: 'not_verified',
      kycVerifiedAt: null,
      kycVerificationMethod: null,
      kycReference: null,
      kycExpiresAt: null,
      updatedAt: w.now,
      tenantId,
    });
    const view = await readCustomerView(w.tx, tenantId, customerId);
    await w.emit({
      eventType: 'customer.created',
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { customerId, partyId, status: view.status, name: view.name, email: view.email, phone: view.phone },
    });
    await this.interactions.record(w, { customerId, summary: 'Customer created' });
    if (dto.cardNumber === undefined) return view;
    return { ...view, paymentMethod: await this.firstCard.attach(w, view, dto.cardNumber) };
  }
}
