// Which domain events a partner hub sees, and as which TMF event (TMF688 envelope).

export const HUB_APIS = ['productCatalog', 'productOrdering', 'party', 'serviceOrdering', 'prepayBalance', 'usageConsumption'] as const;
export type HubApi = (typeof HUB_APIS)[number];

/** What an event's aggregate id names, so the relay can find the customer it belongs to. */
export type HubEventOwner = 'customer' | 'order' | 'service_order' | 'line';

interface HubEventMapping {
  api: HubApi;
  eventType: string;
  /** The resource key inside `event`, and its href. */
  resource: string;
  href: (id: string) => string;
  /** Only partners entitled to this resource's customer receive the event. */
  owner: HubEventOwner;
}

const ORDER: Omit<HubEventMapping, 'eventType'> = { api: 'productOrdering', resource: 'productOrder', href: (id) => `/tmf-api/productOrdering/v4/productOrder/${id}`, owner: 'order' };
const SERVICE_ORDER: Omit<HubEventMapping, 'eventType'> = { api: 'serviceOrdering', resource: 'serviceOrder', href: (id) => `/tmf-api/serviceOrdering/v3/serviceOrder/${id}`, owner: 'service_order' };
const BUCKET: Omit<HubEventMapping, 'eventType'> = { api: 'prepayBalance', resource: 'product', href: (id) => `/tmf-api/prepayBalanceManagement/v2/product/${id}/bucket`, owner: 'line' };
const INDIVIDUAL: Omit<HubEventMapping, 'eventType'> = { api: 'party', resource: 'individual', href: (id) => `/tmf-api/party/v4/individual/${id}`, owner: 'customer' };
const ORGANIZATION: Omit<HubEventMapping, 'eventType'> = { api: 'party', resource: 'organization', href: (id) => `/tmf-api/party/v4/organization/${id}`, owner: 'customer' };

export const HUB_EVENTS: Readonly<Record<string, HubEventMapping>> = {
  'order.created': { ...ORDER, eventType: 'ProductOrderCreateEvent' },
  'order.submitted': { ...ORDER, eventType: 'ProductOrderStateChangeEvent' },
  'order.reopened': { ...ORDER, eventType: 'ProductOrderStateChangeEvent' },
  'order.completed': { ...ORDER, eventType: 'ProductOrderStateChangeEvent' },
  'order.failed': { ...ORDER, eventType: 'ProductOrderStateChangeEvent' },
  'order.cancelled': { ...ORDER, eventType: 'ProductOrderStateChangeEvent' },
  'service_order.started': { ...SERVICE_ORDER, eventType: 'ServiceOrderStateChangeEvent' },
  'service_order.reopened': { ...SERVICE_ORDER, eventType: 'ServiceOrderStateChangeEvent' },
  'service_order.completed': { ...SERVICE_ORDER, eventType: 'ServiceOrderStateChangeEvent' },
  'service_order.failed': { ...SERVICE_ORDER, eventType: 'ServiceOrderStateChangeEvent' },
  'subscription.exhausted': { ...BUCKET, eventType: 'BucketBalanceExhaustedEvent' },
  'subscription.blocked': { ...BUCKET, eventType: 'BucketStateChangeEvent' },
  'subscription.unblocked': { ...BUCKET, eventType: 'BucketStateChangeEvent' },
  'subscription.vas_purchased': { ...BUCKET, eventType: 'BalanceTopupCreateEvent' },
  // TMF654 names no events; these follow its resources (balanceAdjustment, balanceTransfer, balanceReserve…) as the top-up's does.
  'subscription.balance_adjusted': { ...BUCKET, eventType: 'BalanceAdjustmentCreateEvent' },
  'subscription.balance_transferred': { ...BUCKET, eventType: 'BalanceTransferCreateEvent' },
  'subscription.balance_reserved': { ...BUCKET, eventType: 'BalanceReserveCreateEvent' },
  'subscription.reservation_released': { ...BUCKET, eventType: 'BalanceUnreserveCreateEvent' },
  'subscription.reservation_deducted': { ...BUCKET, eventType: 'BalanceDeductCreateEvent' },
  // The sweep returning a stale hold is an unreserve the system made; `bssEventType` tells the two apart.
  'subscription.reservation_expired': { ...BUCKET, eventType: 'BalanceUnreserveCreateEvent' },
  'customer.created': { ...INDIVIDUAL, eventType: 'IndividualCreateEvent' },
  'customer.individual_updated': { ...INDIVIDUAL, eventType: 'IndividualAttributeValueChangeEvent' },
  'customer.status_changed': { ...INDIVIDUAL, eventType: 'IndividualStateChangeEvent' },
  // An organization is a business customer: its party id is the customer id partners are entitled to.
  'organization.created': { ...ORGANIZATION, eventType: 'OrganizationCreateEvent' },
  'organization.updated': { ...ORGANIZATION, eventType: 'OrganizationAttributeValueChangeEvent' },
  'organization.closed': { ...ORGANIZATION, eventType: 'OrganizationDeleteEvent' },
};

export interface HubEventEnvelope {
  eventId: string;
  eventTime: string;
  eventType: string;
  correlationId: string;
  domain: HubApi;
  event: Record<string, unknown>;
}

export function toHubEnvelope(
  row: { eventId: string; eventType: string; aggregateId: string; occurredAt: Date; requestId: string; payload: Record<string, unknown> },
  mapping: HubEventMapping,
): HubEventEnvelope {
  return {
    eventId: row.eventId,
    eventTime: row.occurredAt.toISOString(),
    eventType: mapping.eventType,
    correlationId: row.requestId,
    domain: mapping.api,
    event: { [mapping.resource]: { id: row.aggregateId, href: mapping.href(row.aggregateId), bssEventType: row.eventType, ...row.payload } },
  };
}

/** TMF688 `query`: `eventType=A,B` (or absent: everything). */
export function listenerWants(query: string | null, eventType: string): boolean {
  if (!query) return true;
  const wanted = new URLSearchParams(query).get('eventType');
  return wanted === null || wanted.split(',').map((t) => t.trim()).includes(eventType);
}
