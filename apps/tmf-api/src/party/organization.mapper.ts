import type { CreateOrganizationInput, OrganizationView, UpdateOrganizationInput } from '@bss/crm';
import { InvalidInput } from '@bss/platform';
import { compact, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';

const BASE = TMF_BASE.party;
type Body = Record<string, unknown>;

/** TMF632 Organization: a business customer; `relatedParty` lists the individuals related to it, with their role. */
export function toOrganization(o: OrganizationView): TmfResource {
  return compact({
    id: o.id,
    href: `${BASE}/organization/${o.id}`,
    '@type': 'Organization',
    '@baseType': 'Party',
    tradingName: o.tradingName,
    name: o.legalName ?? undefined,
    isLegalEntity: o.legalName !== null || o.registrationId !== null,
    organizationType: o.organizationType ?? undefined,
    status: o.status,
    organizationIdentification: o.registrationId ? [{ identificationId: o.registrationId, identificationType: 'registration' }] : undefined,
    existsDuring: { startDateTime: o.createdAt.toISOString() },
    relatedParty: o.members.map((m) => ({ id: m.customerId, href: `${BASE}/individual/${m.customerId}`, role: m.role, '@referredType': 'Individual' })),
  });
}

/** `relatedParty` → members; only individuals can relate to an organization here. */
export function membersOf(body: Body): { customerId: unknown; role?: unknown }[] | undefined {
  const related = body.relatedParty;
  if (related === undefined) return undefined;
  if (!Array.isArray(related)) throw new InvalidInput([{ field: 'relatedParty', messages: ['relatedParty must be an array'] }]);
  return related.map((r: { id?: unknown; role?: unknown; '@referredType'?: unknown } | null) => {
    if (r === null || typeof r !== 'object') throw new InvalidInput([{ field: 'relatedParty', messages: ['each relatedParty must be an object with an id'] }]);
    if (r['@referredType'] !== undefined && r['@referredType'] !== 'Individual') throw new InvalidInput([{ field: 'relatedParty', messages: ['only individuals can relate to an organization'] }]);
    return compact({ customerId: r.id, role: r.role });
  });
}

function registrationOf(body: Body): unknown {
  const ids = body.organizationIdentification;
  if (ids === undefined || ids === null) return ids;
  if (!Array.isArray(ids)) throw new InvalidInput([{ field: 'organizationIdentification', messages: ['organizationIdentification must be an array'] }]);
  return ids.length === 0 ? null : (ids[0] as { identificationId?: unknown })?.identificationId;
}

/** Organization_Create → customer.create_organization (through partner_organization.create); the command validates every field. */
export function toCreateOrganizationInput(body: Body): CreateOrganizationInput {
  return compact({
    tradingName: body.tradingName,
    legalName: body.name,
    organizationType: body.organizationType,
    registrationId: registrationOf(body),
    status: body.status,
    members: membersOf(body),
  }) as unknown as CreateOrganizationInput;
}

const PATCHABLE = ['tradingName', 'name', 'organizationType', 'organizationIdentification', 'status', 'relatedParty'];

/** A merge-patch → customer.update_organization; anything else is a 400 naming it; `status: closed` is DELETE. */
export function toUpdateOrganizationInput(id: string, patch: Body): UpdateOrganizationInput {
  const refused = Object.keys(patch).filter((k) => !PATCHABLE.includes(k) && !k.startsWith('@') && k !== 'id');
  if (refused.length > 0) throw new InvalidInput(refused.map((field) => ({ field, messages: [`${field} cannot be patched here; patchable: ${PATCHABLE.join(', ')}`] })));
  if (patch.id !== undefined && patch.id !== id) throw new InvalidInput([{ field: 'id', messages: ['id cannot change'] }]);
  return compact({
    organizationId: id,
    tradingName: patch.tradingName,
    legalName: patch.name,
    organizationType: patch.organizationType,
    registrationId: registrationOf(patch),
    status: patch.status,
    members: membersOf(patch),
  }) as unknown as UpdateOrganizationInput;
}
