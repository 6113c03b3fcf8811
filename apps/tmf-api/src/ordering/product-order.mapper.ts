import type { OrderDetailView, OrderState, OrderView, CreateOrderInput } from '@bss/orders';
import { InvalidInput } from '@bss/platform';
import { compact, isoOrAbsent, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';

const BASE = TMF_BASE.productOrdering;

/** Our order states → the TMF622 StateType enum. */
export const TMF_ORDER_STATE: Record<OrderState, string> = {
  acknowledged: 'acknowledged',
  in_progress: 'inProgress',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};

export function toProductOrder(o: OrderView | OrderDetailView): TmfResource {
  const subscriptionId = 'subscriptionId' in o ? o.subscriptionId : o.item.targetSubscriptionId;
  const state = TMF_ORDER_STATE[o.state];
  return compact({
    id: o.id,
    href: `${BASE}/productOrder/${o.id}`,
    '@type': 'ProductOrder',
    '@baseType': 'ProductOrder',
    state,
    orderDate: o.orderDate.toISOString(),
    completionDate: isoOrAbsent(o.completedDate),
    description: o.failureReason ?? undefined,
    note: o.notes ? { text: o.notes } : undefined,
    relatedParty: [{ id: o.customerId, href: `${TMF_BASE.party}/individual/${o.customerId}`, role: 'customer', '@referredType': 'Individual' }],
    payment: o.paymentMethodId ? [{ id: o.paymentMethodId, href: `${BASE}/paymentMethod/${o.paymentMethodId}`, '@referredType': 'PaymentMethod' }] : undefined,
    orderItem: [
      compact({
        id: o.item.id,
        action: o.item.action,
        state: TMF_ORDER_STATE[o.item.state],
        quantity: 1,
        productOffering: { id: o.item.offeringId, href: `${TMF_BASE.productCatalog}/productOffering/${o.item.offeringId}`, '@referredType': 'ProductOffering' },
        itemPrice: [
          {
            // Spelled as the official TMF622 v4 PriceType enum spells it.
            priceType: 'recuring',
            recurringChargePeriod: 'month',
            price: { taxIncludedAmount: { value: Number(o.item.priceSnapshot.priceAmount), unit: o.item.priceSnapshot.priceCurrency } },
          },
        ],
        // The line the order activates (TMF654/677 address it as the product).
        product: subscriptionId ? { id: subscriptionId, href: `${TMF_BASE.prepayBalance}/product/${subscriptionId}/bucket`, '@type': 'Product' } : undefined,
      }),
    ],
  });
}

interface TmfOrderItem {
  action?: unknown;
  productOffering?: { id?: unknown };
}

/**
 * POST_REQ_ProductOrder → order.create: one `add` item naming an offering, for the customer in
 * `relatedParty` (role customer). The command checks the customer, KYC, card on file and price.
 */
export function toCreateOrderInput(body: Record<string, unknown>): CreateOrderInput {
  const items = body.orderItem;
  if (!Array.isArray(items) || items.length !== 1) throw new InvalidInput([{ field: 'orderItem', messages: ['orderItem must hold exactly one item'] }]);
  const item = items[0] as TmfOrderItem;
  if (item?.action !== 'add') throw new InvalidInput([{ field: 'orderItem[0].action', messages: ['only action "add" is supported: an order adds one line'] }]);
  const parties = Array.isArray(body.relatedParty) ? (body.relatedParty as { id?: unknown; role?: unknown }[]) : [];
  const customer = parties.find((p) => typeof p?.role === 'string' && p.role.toLowerCase() === 'customer') ?? parties[0];
  if (!customer) throw new InvalidInput([{ field: 'relatedParty', messages: ['relatedParty must name the customer (role "customer")'] }]);
  return compact({
    customerId: customer.id,
    offeringId: item.productOffering?.id,
    notes: typeof body.description === 'string' ? body.description : undefined,
  }) as unknown as CreateOrderInput;
}
