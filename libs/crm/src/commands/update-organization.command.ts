import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { ORGANIZATION_STATUSES, OrganizationEntity, type OrganizationStatus } from '#crm/domain/organization.entity';
import type { OrganizationView } from '#crm/domain/organization.view';
import { assertOrganizationOpen } from '#crm/policies/organization.policies';
import { readOrganizationViews } from '#crm/queries/organization.queries';
import { MemberList, OrganizationMemberInput, replaceMembers, validMembers } from './organization-members';

/** A merge-patch: an attribute left out keeps its value; `null` clears an optional one. */
export class UpdateOrganizationInput {
  @IsString() @Matches(ID_PATTERNS.party, { message: 'organizationId must be PTY-<8 hex>' }) organizationId!: string;
  @IsOptional() @IsString() @Matches(/\S/, { message: 'tradingName must not be blank' }) @MaxLength(200) tradingName?: string;
  @IsOptional() @IsString() @MaxLength(200) legalName?: string | null;
  @IsOptional() @IsString() @MaxLength(60) organizationType?: string | null;
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9-]{4,30}$/, { message: 'registrationId must be 4-30 letters, digits or dashes' }) registrationId?: string | null;
  /** initialized or validated; closing is customer.close_organization. */
  @IsOptional() @IsIn(ORGANIZATION_STATUSES.filter((s) => s !== 'closed')) status?: Exclude<OrganizationStatus, 'closed'>;
  /** Replaces the related individuals. */
  @IsOptional() @MemberList() members?: OrganizationMemberInput[];
}

/** Changes a business customer's names, registration, status or related individuals; a closed one stays closed. */
@Verb({ name: 'customer.update_organization', input: UpdateOrganizationInput, summary: 'Change a business customer (organization): names, registration, status or its related individuals' })
@Injectable()
export class UpdateOrganizationCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: UpdateOrganizationInput): Promise<OrganizationView> {
    const dto = await validateInput(UpdateOrganizationInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: UpdateOrganizationInput): Promise<OrganizationView> {
    const organization = await w.tx.findOne(OrganizationEntity, { where: { partyId: dto.organizationId, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
    if (!organization) throw new NotFound('organization', dto.organizationId);
    assertOrganizationOpen(organization);
    const [before] = await readOrganizationViews(w.tx, [organization]);
    if (dto.tradingName !== undefined) organization.tradingName = dto.tradingName.trim();
    if (dto.legalName !== undefined) organization.legalName = dto.legalName;
    if (dto.organizationType !== undefined) organization.organizationType = dto.organizationType;
    if (dto.registrationId !== undefined) organization.registrationId = dto.registrationId;
    if (dto.status !== undefined) organization.status = dto.status;
    organization.updatedAt = w.now;
    await w.tx.save(organization);
    if (dto.members !== undefined) await replaceMembers(w, organization.partyId, await validMembers(dto.members));
    const [view] = await readOrganizationViews(w.tx, [organization]);
    await w.emit({
      eventType: 'organization.updated',
      aggregateType: 'organization',
      aggregateId: view.id,
      payload: { organizationId: view.id, tradingName: view.tradingName, status: view.status, members: view.members, previous: { tradingName: before.tradingName, status: before.status, members: before.members } },
    });
    return view;
  }
}
