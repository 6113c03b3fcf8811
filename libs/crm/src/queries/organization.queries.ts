import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { Database, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { OrganizationEntity, OrganizationMemberEntity } from '#crm/domain/organization.entity';
import type { OrganizationView } from '#crm/domain/organization.view';
import { PartyEntity } from '#crm/domain/party.entity';

/** Organizations with their members and party; sequential reads, as `em` may be a transaction. */
export async function readOrganizationViews(em: EntityManager, organizations: readonly OrganizationEntity[]): Promise<OrganizationView[]> {
  if (organizations.length === 0) return [];
  const ids = organizations.map((o) => o.partyId);
  const parties = await em.findBy(PartyEntity, { id: In(ids) });
  const members = await em.find(OrganizationMemberEntity, { where: { organizationId: In(ids) }, order: { customerId: 'ASC' } });
  const created = new Map(parties.map((p) => [p.id, p.createdAt]));
  return organizations.map((o) => ({
    id: o.partyId,
    tradingName: o.tradingName,
    legalName: o.legalName,
    organizationType: o.organizationType,
    registrationId: o.registrationId,
    status: o.status,
    members: members.filter((m) => m.organizationId === o.partyId).map((m) => ({ customerId: m.customerId, role: m.role })),
    createdAt: created.get(o.partyId)!,
    updatedAt: o.updatedAt,
  }));
}

@Injectable()
export class OrganizationQueries {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<OrganizationView> {
    const organization = await this.db.manager.findOneBy(OrganizationEntity, { partyId: id, tenantId: currentAuth().tenant });
    if (!organization) throw new NotFound('organization', id);
    return (await readOrganizationViews(this.db.manager, [organization]))[0];
  }

  /** Newest first; `ids` narrows to those (a partner's own). */
  async list(filter: { ids?: readonly string[]; limit?: number } = {}): Promise<OrganizationView[]> {
    const rows = await this.db.manager.find(OrganizationEntity, {
      where: { tenantId: currentAuth().tenant, ...(filter.ids ? { partyId: In([...filter.ids]) } : {}) },
      order: { updatedAt: 'DESC', partyId: 'DESC' },
      take: filter.limit ?? 1000,
    });
    return readOrganizationViews(this.db.manager, rows);
  }
}
