import { toTmfProductOffering, type OfferingView } from '@bss/catalog';
import {
  formatDay,
  formatMsisdn,
  renderCatalogComparison,
  renderCustomer360,
  renderCustomerList,
  renderList,
  renderMsisdnList,
  renderOrderList,
  renderProvTasks,
  renderSubscriptionCard,
  renderVasTable,
} from '@bss/web';
import type { ToolResultRenderer } from '@bss/conversation';
import { toCustomer360Input, type CustomerShowResult } from '#bss/commands/customer/show';
import { renderOrderCard } from '#bss/commands/order/show';

type Row = Record<string, any>;
type Renderer = (result: any, now: Date) => string;

/** A line's card from the JSON a tool returned (dates are ISO strings by then). */
function subscriptionCard(s: Row, now: Date): string {
  return renderSubscriptionCard(
    {
      id: s.id,
      customerId: s.customerId,
      customerName: s.customerName ?? null,
      msisdn: s.msisdn,
      offeringId: s.offeringId,
      offeringName: s.offeringName ?? null,
      priceAmount: s.effectiveAmount ?? s.priceAmount,
      currency: s.currency,
      state: s.state,
      activatedAt: s.activatedAt,
      nextRenewalAt: s.state === 'terminated' ? null : s.nextRenewalAt,
      balances: s.balances ?? [],
      vasPurchases: (s.vasPurchases ?? []).map((v: Row) => ({
        vasOfferingId: v.vasOfferingId,
        appliedAt: v.appliedAt,
        allowanceAdded: v.allowanceAdded < 0 ? null : v.allowanceAdded,
        unit: v.unit,
        priceAmount: v.priceAmount,
        currency: v.currency,
      })),
      esim: null,
    },
    { now, showEsim: false },
  );
}

function customer360(view: Row): string {
  const subscriptions = (view.subscriptions ?? []).map((l: Row) => {
    const data = (l.balances ?? []).find((b: Row) => b.allowanceType === 'data');
    return { id: l.id, offeringId: l.offeringId, state: l.state, msisdn: l.msisdn, dataUsed: data?.consumed ?? null, dataTotal: data?.total ?? null };
  });
  return renderCustomer360(toCustomer360Input({ ...(view as CustomerShowResult), subscriptions }));
}

function portList(requests: Row[]): string {
  return renderList(
    'Port requests',
    [
      { header: 'ID', value: (p: Row) => p.id },
      { header: 'Direction', value: (p: Row) => p.direction },
      { header: 'Donor MSISDN', value: (p: Row) => formatMsisdn(p.donorMsisdn) },
      { header: 'Carrier', value: (p: Row) => p.donorCarrier },
      { header: 'State', value: (p: Row) => p.state },
      { header: 'Requested', value: (p: Row) => p.requestedPortDate ?? formatDay(p.createdAt) },
    ],
    requests,
    { limit: 50 },
  );
}

/**
 * Tool name → ASCII card, one table for every cockpit face (spec §2 dispatch): the same renderers
 * `bss <topic> show|list` print. Write verbs that return a line render its card too.
 */
const RENDERERS: Record<string, Renderer> = {
  'customer.list': (rows: Row[]) => renderCustomerList(rows.map((c) => ({ id: c.id, name: c.name, status: c.status, email: c.email }))),
  'customer.show': customer360,
  'catalog.list': (rows: OfferingView[]) => renderCatalogComparison(rows.map(toTmfProductOffering)),
  'catalog.vas': (rows) => renderVasTable(rows),
  'order.list': (rows: Row[]) => renderOrderList(rows.map((o) => ({ id: o.id, state: o.state, customerId: o.customerId, placedAt: o.orderDate }))),
  'order.show': (order) => renderOrderCard(order),
  'port.list': portList,
  'inventory.msisdn.list': (rows: Row[]) =>
    renderMsisdnList(rows.map((m) => ({ msisdn: m.msisdn, status: m.status, subscriptionId: m.assignedToSubscriptionId, reservedAt: m.reservedAt }))),
  'subscription.show': subscriptionCard,
  'subscription.terminate': subscriptionCard,
  'subscription.renew': subscriptionCard,
  'prov.tasks': (rows) => renderProvTasks(rows),
};

/**
 * The card of a tool result, or null: no renderer, an empty payload, or a renderer that throws
 * on a shape it did not expect (the face then shows the JSON).
 */
export function renderToolResult(toolName: string, result: unknown, now: Date = new Date()): string | null {
  const render = RENDERERS[toolName];
  if (!render || result === null || result === undefined) return null;
  if (Array.isArray(result) && result.length === 0 && toolName !== 'customer.list') return null;
  try {
    return render(result, now);
  } catch {
    return null;
  }
}

export const cardRenderer: ToolResultRenderer = (toolName, result) => renderToolResult(toolName, result);
export const RENDERED_TOOLS = Object.keys(RENDERERS);
