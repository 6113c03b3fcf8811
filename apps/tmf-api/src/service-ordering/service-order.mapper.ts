import type { CfsNodeView, ServiceOrderState, ServiceOrderView, ServiceView } from '@bss/orders';
import { InvalidInput } from '@bss/platform';
import { compact, isoOrAbsent, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';

const BASE = TMF_BASE.serviceOrdering;

const TMF_SERVICE_ORDER_STATE: Record<ServiceOrderState, string> = {
  acknowledged: 'acknowledged',
  in_progress: 'inProgress',
  completed: 'completed',
  failed: 'failed',
};

function toService(s: ServiceView): TmfResource {
  return {
    id: s.id,
    href: `${BASE}/service/${s.id}`,
    '@type': s.serviceType,
    name: s.name,
    type: s.serviceType,
    serviceState: s.state,
    serviceSpecification: { id: s.specId },
    // TMF641 types a characteristic value as an object; ours are scalars.
    serviceCharacteristic: Object.entries(s.characteristics).map(([name, value]) => ({ name, valueType: typeof value, value: { '@type': typeof value, value } })),
  };
}

function toCfs(cfs: CfsNodeView): TmfResource {
  return { ...toService(cfs), serviceRelationship: cfs.rfs.map((rfs) => ({ type: 'reliesOn', service: toService(rfs) })) };
}

/** TMF641 ServiceOrder: the SOM decomposition of one commercial order (CFS with its RFS). */
export function toServiceOrder(so: ServiceOrderView & { customerId: string }): TmfResource {
  const state = TMF_SERVICE_ORDER_STATE[so.state];
  return compact({
    id: so.id,
    href: `${BASE}/serviceOrder/${so.id}`,
    '@type': 'ServiceOrder',
    '@baseType': 'ServiceOrder',
    externalId: so.commercialOrderId,
    state,
    description: so.failureReason ?? undefined,
    orderDate: so.createdAt.toISOString(),
    completionDate: isoOrAbsent(so.completedAt),
    relatedParty: [{ id: so.customerId, href: `${TMF_BASE.party}/individual/${so.customerId}`, role: 'customer', '@referredType': 'Individual' }],
    orderRelationship: [{ id: so.commercialOrderId, href: `${TMF_BASE.productOrdering}/productOrder/${so.commercialOrderId}`, type: 'productOrder', '@referredType': 'ProductOrder' }],
    orderItem: so.items.map((item) => {
      const cfs = so.cfs.find((c) => c.id === item.serviceId);
      return { id: item.id, action: item.action, state, service: cfs ? toCfs(cfs) : { id: item.serviceId } };
    }),
  });
}

/** The attributes of the official ServiceOrder (and its create body), by JSON type. */
const SERVICE_ORDER_ATTRIBUTES: Readonly<Record<string, 'string' | 'object' | 'array'>> = {
  id: 'string',
  href: 'string',
  externalId: 'string',
  priority: 'string',
  description: 'string',
  category: 'string',
  state: 'string',
  orderDate: 'string',
  completionDate: 'string',
  requestedStartDate: 'string',
  requestedCompletionDate: 'string',
  expectedCompletionDate: 'string',
  startDate: 'string',
  notificationContact: 'string',
  '@baseType': 'string',
  '@type': 'string',
  '@schemaLocation': 'string',
  note: 'object',
  relatedParty: 'array',
  orderRelationship: 'array',
  orderItem: 'array',
};
/** What a create body may not carry: the server assigns them. */
const SERVER_ASSIGNED = new Set(['id', 'href', 'state', 'orderDate', 'completionDate', 'expectedCompletionDate', 'startDate']);

/** A ServiceOrder (PATCH) or POSTReqServiceOrder (POST) body: known attributes of the right JSON type, or a 400 naming each bad one. */
export function serviceOrderBody(body: Record<string, unknown>, definition: 'ServiceOrder' | 'POSTReqServiceOrder'): Record<string, unknown> {
  const problems = Object.entries(body).flatMap(([key, value]) => {
    const type = SERVICE_ORDER_ATTRIBUTES[key];
    if (!type || (definition === 'POSTReqServiceOrder' && SERVER_ASSIGNED.has(key))) return [{ field: key, messages: [`${key} is not an attribute of ${definition}`] }];
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    return actual === type ? [] : [{ field: key, messages: [`${key} must be a JSON ${type}`] }];
  });
  if (problems.length > 0) throw new InvalidInput(problems);
  return body;
}
