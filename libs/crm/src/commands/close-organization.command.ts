import { Injectable } from '@nestjs/common';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { OrganizationEntity } from '#crm/domain/organization.entity';
import type { OrganizationView } from '#crm/domain/organization.view';
import { readOrganizationViews } from '#crm/queries/organization.queries';

export class CloseOrganizationInput {
  @IsString() @Matches(ID_PATTERNS.party, { message: 'organizationId must be PTY-<8 hex>' }) organizationId!: string;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

/**
 * Closes a business customer: status closed, its individuals no longer related to it. A party is
 * never erased (audit and history refer to it); the individuals stay customers on their own.
 */
@Verb({ name: 'customer.close_organization', input: CloseOrganizationInput, summary: 'Close a business customer (organization); its individuals stay customers on their own', destructive: true })
@Injectable()
export class CloseOrganizationCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: CloseOrganizationInput): Promise<OrganizationView> {
    const dto = await validateInput(CloseOrganizationInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: CloseOrganizationInput): Promise<OrganizationView> {
    const organization = await w.tx.findOne(OrganizationEntity, { where: { partyId: dto.organizationId, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
    if (!organization) throw new NotFound('organization', dto.organizationId);
    const [before] = await readOrganizationViews(w.tx, [organization]);
    if (organization.status === 'closed') return before;
    organization.status = 'closed';
    organization.updatedAt = w.now;
    await w.tx.save(organization);
    await w.tx.query(`delete from crm.organization_member where organization_id = $1`, [organization.partyId]);
    const [view] = await readOrganizationViews(w.tx, [organization]);
    await w.emit({ eventType: 'organization.closed', aggregateType: 'organization', aggregateId: view.id, payload: { organizationId: view.id, reason: dto.reason ?? null, formerMembers: before.members } });
    return view;
  }
}
