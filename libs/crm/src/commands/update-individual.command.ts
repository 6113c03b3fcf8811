import { Injectable } from '@nestjs/common';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { ID_PATTERNS, ISO_DATE_PATTERN } from '#crm/domain/crm.values';
import type { CustomerView } from '#crm/domain/customer.view';
import { CustomerEntity } from '#crm/domain/customer.entity';
import { IndividualEntity } from '#crm/domain/party.entity';
import { assertCustomerNotClosed, assertIndividualUpdateHasFields } from '#crm/policies/customer.policies';
import { readCustomerView } from '#crm/queries/customer.queries';
import { lockCustomer } from './crm-loaders';
import { InteractionLog } from './interaction-log';

export class UpdateIndividualInput {
  @Matches(ID_PATTERNS.customer) customerId!: string;
  @IsOptional() @IsString() @Matches(/\S/, { message: 'givenName must not be blank' }) @MaxLength(100) givenName?: string;
  @IsOptional() @IsString() @Matches(/\S/, { message: 'familyName must not be blank' }) @MaxLength(100) familyName?: string;
  @IsOptional() @Matches(ISO_DATE_PATTERN) @IsISO8601({ strict: true }) dateOfBirth?: string;
}

@Verb({
  name: 'customer.update_individual',
  input: UpdateIndividualInput,
  summary: "Change a customer's name, birth date or address",
  cliExempt: 'the self-serve profile page and the signup details step call it; no operator CLI verb yet',
})
@Injectable()
export class UpdateIndividualCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: UpdateIndividualInput): Promise<CustomerView> {
    const dto = await validateInput(UpdateIndividualInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: UpdateIndividualInput): Promise<CustomerView> {
    return this.apply(w, await validateInput(UpdateIndividualInput, input));
  }

  private async apply(w: WriteScope, dto: UpdateIndividualInput): Promise<CustomerView> {
    const customer = await lockCustomer(w, dto.customerId);
    assertCustomerNotClosed(customer);
    assertIndividualUpdateHasFields(dto);
    const individual = await w.tx.findOne(IndividualEntity, { where: { partyId: customer.partyId } });
    if (!individual) throw new NotFound('individual', customer.partyId, { customerId: customer.id });
    const changes: Partial<IndividualEntity> = {};
    if (dto.givenName !== undefined) changes.givenName = dto.givenName.trim();
    if (dto.familyName !== undefined) changes.familyName = dto.familyName.trim();
    if (dto.dateOfBirth !== undefined) changes.dateOfBirth = dto.dateOfBirth;
    await w.tx.update(IndividualEntity, { partyId: customer.partyId }, changes);
    await w.tx.update(CustomerEntity, { id: customer.id }, { updatedAt: w.now });
    const changed = Object.keys(changes);
    await w.emit({
      eventType: 'customer.individual_updated',
      aggregateType: 'customer',
      aggregateId: customer.id,
      payload: { customerId: customer.id, changed },
    });
    await this.interactions.record(w, { customerId: customer.id, summary: `Name/details updated: ${changed.join(', ')}` });
    return readCustomerView(w.tx, w.auth.tenant, customer.id);
  }
}
