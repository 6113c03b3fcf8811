import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { randomId, validateInput, Verb } from '@bss/platform';
import { ORGANIZATION_STATUSES, OrganizationEntity, type OrganizationStatus } from '#crm/domain/organization.entity';
import type { OrganizationView } from '#crm/domain/organization.view';
import { PartyEntity } from '#crm/domain/party.entity';
import { readOrganizationViews } from '#crm/queries/organization.queries';
import { MemberList, OrganizationMemberInput, replaceMembers, validMembers } from './organization-members';

export class CreateOrganizationInput {
  @IsString() @Matches(/\S/, { message: 'tradingName must not be blank' }) @MaxLength(200) tradingName!: string;
  @IsOptional() @IsString() @MaxLength(200) legalName?: string;
  /** e.g. company, charity, government. */
  @IsOptional() @IsString() @MaxLength(60) organizationType?: string;
  /** Company registration number (e.g. a UEN). */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9-]{4,30}$/, { message: 'registrationId must be 4-30 letters, digits or dashes' }) registrationId?: string;
  /** Default initialized; validated once its registration is checked. */
  @IsOptional() @IsIn(ORGANIZATION_STATUSES.filter((s) => s !== 'closed')) status?: Exclude<OrganizationStatus, 'closed'>;
  /** Individual customers related to it, with their role. */
  @IsOptional() @MemberList() members?: OrganizationMemberInput[];
}

/** Creates a business customer (TMF632 Organization): a party of type organization, with the individuals related to it. */
@Verb({ name: 'customer.create_organization', input: CreateOrganizationInput, summary: 'Create a business customer (organization) and relate individual customers to it' })
@Injectable()
export class CreateOrganizationCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: CreateOrganizationInput): Promise<OrganizationView> {
    const dto = await validateInput(CreateOrganizationInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  /** Joins a transaction another command opened (partner_organization.create adds the partner's link). */
  async executeIn(w: WriteScope, input: CreateOrganizationInput): Promise<OrganizationView> {
    const dto = await validateInput(CreateOrganizationInput, input);
    const partyId = randomId('PTY');
    await w.tx.insert(PartyEntity, { id: partyId, partyType: 'organization', createdAt: w.now, tenantId: w.auth.tenant });
    await w.tx.insert(OrganizationEntity, {
      partyId,
      tradingName: dto.tradingName.trim(),
      legalName: dto.legalName ?? null,
      organizationType: dto.organizationType ?? null,
      registrationId: dto.registrationId ?? null,
      status: dto.status ?? 'initialized',
      updatedAt: w.now,
      tenantId: w.auth.tenant,
    });
    await replaceMembers(w, partyId, await validMembers(dto.members ?? []));
    const [view] = await readOrganizationViews(w.tx, [await w.tx.findOneByOrFail(OrganizationEntity, { partyId })]);
    await w.emit({ eventType: 'organization.created', aggregateType: 'organization', aggregateId: partyId, payload: { organizationId: partyId, tradingName: view.tradingName, status: view.status, members: view.members } });
    return view;
  }
}
