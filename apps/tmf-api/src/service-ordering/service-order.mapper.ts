import type { CfsNodeView, ServiceOrderState, ServiceOrderView, ServiceView } from '@bss/orders';
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
