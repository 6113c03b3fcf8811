import { renderCaseCard } from './case-card.renderer';
import { renderCatalogComparison, renderVasTable, type CatalogOfferingInput, type VasOfferingInput } from './catalog.renderer';
import { renderCustomer360, type Customer360Input, type Customer360Subscription } from './customer-360.renderer';
import { formatDay, formatMsisdn, type Instant } from './format.util';
import { renderCustomerList, renderList, renderMsisdnList, renderOrderList } from './list.renderer';
import { renderOrderTree, type OrderTreeInput, type OrderTreeTask } from './order-tree.renderer';
import { renderProvTasks, type ProvTaskRow } from './prov-tasks.renderer';
import { renderSubscriptionCard, type SubscriptionCardInput, type SubscriptionVasPurchase } from './subscription-card.renderer';
import { renderTicketCard } from './ticket-card.renderer';

/*
 * A tool result is the JSON a tool returned (the context's view, dates as ISO strings by then).
 * These are the fields the cards read; anything missing makes the card throw, and the face shows
 * the JSON instead.
 */
type Row = Record<string, unknown>;

/** A subscription view: the card's own fields, with the view's names for the price and the top-ups. */
interface LineRow extends Omit<SubscriptionCardInput, 'vasPurchases' | 'esim'> {
  effectiveAmount?: string | null;
  vasPurchases?: (SubscriptionVasPurchase & { allowanceAdded: number })[];
}

interface TicketRow {
  id: string;
  caseId?: string | null;
  ticketType: string;
  subject: string;
  state: string;
  priority: string;
  assignedToAgentId?: string | null;
}

interface CaseRow {
  id: string;
  customerId: string;
  subject: string;
  state: string;
  priority: string;
  category?: string | null;
  openedAt: Instant;
  openedByAgentId?: string | null;
  tickets?: TicketRow[];
  notes?: { authorAgentId?: string | null; actor: string; createdAt: Instant; body: string }[];
}

interface Customer360Row {
  customer: { id: string; name: string; status: string; kycStatus?: string | null; email?: string | null; phone?: string | null; customerSince: Instant };
  subscriptions?: LineRow[];
  openCases: CaseRow[];
  closedCaseCount: number;
  interactions: { occurredAt: Instant; channel: string; summary: string }[];
}

interface OfferingRow {
  id: string;
  name: string;
  isBundle?: boolean;
  isSellable?: boolean;
  lifecycleStatus?: string;
  prices: { amount: string; currency: string }[];
  allowances: { allowanceType: string; quantity: number | null; unit: string }[];
}

interface OrderRow {
  id: string;
  customerId: string;
  state: string;
  orderDate: Instant;
  completedDate?: Instant | null;
  subscriptionId?: string | null;
  failureReason?: string | null;
  stuckFlaggedAt?: Instant | null;
  item: { offeringId: string; priceSnapshot: { priceAmount: string } };
  serviceOrders: {
    id: string;
    state: string;
    cfs: { id: string; name: string; state: string; rfs: { id: string; name: string; state: string; tasks: OrderTreeTask[] }[] }[];
  }[];
}

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A line-shaped result: any subscription view (`subscription.show`, `.terminate`, `.renew`, …), or one nested under `subscription`. */
function lineOf(result: unknown): LineRow | null {
  const row = isRow(result) && isRow(result.subscription) ? result.subscription : result;
  return isRow(row) && typeof row.msisdn === 'string' && Array.isArray(row.balances) && typeof row.state === 'string' ? (row as unknown as LineRow) : null;
}

/** A line's card with balance bars (and its top-ups when the result carries them). */
function subscriptionCard(s: LineRow, now: Date): string {
  const { effectiveAmount, vasPurchases, ...card } = s;
  return renderSubscriptionCard(
    {
      ...card,
      priceAmount: effectiveAmount ?? s.priceAmount ?? null,
      nextRenewalAt: s.state === 'terminated' ? null : (s.nextRenewalAt ?? null),
      // −1 added = an unlimited pass, which the card shows without an amount.
      vasPurchases: (vasPurchases ?? []).map((v) => ({ ...v, allowanceAdded: v.allowanceAdded < 0 ? null : v.allowanceAdded })),
      esim: null,
    },
    { now, showEsim: false },
  );
}

/** `customer.show` / `customer.find_by_msisdn`: CRM's 360 with the customer's lines. */
export function toCustomer360Card(view: Customer360Row): Customer360Input {
  return customer360CardOf(
    view,
    (view.subscriptions ?? []).map((l) => {
      const data = l.balances.find((b) => b.allowanceType === 'data');
      return { id: l.id, offeringId: l.offeringId, state: l.state, msisdn: l.msisdn, dataUsed: data?.consumed ?? null, dataTotal: data?.total ?? null };
    }),
  );
}

/** CRM's 360 with lines already in the card's shape (the CLI's `customer show` carries them so). */
export function customer360CardOf(view: Omit<Customer360Row, 'subscriptions'>, subscriptions: Customer360Subscription[]): Customer360Input {
  const { customer } = view;
  return {
    id: customer.id,
    name: customer.name,
    status: customer.status,
    kycStatus: customer.kycStatus,
    email: customer.email,
    phone: customer.phone,
    customerSince: customer.customerSince,
    subscriptions,
    cases: [
      ...view.openCases.map((c) => ({
        id: c.id,
        subject: c.subject,
        priority: c.priority,
        state: c.state,
        tickets: (c.tickets ?? []).map((t) => ({ id: t.id, ticketType: t.ticketType, priority: t.priority, state: t.state })),
      })),
      // The card only counts finished cases; the 360 view carries just that count.
      ...Array.from({ length: view.closedCaseCount }, () => ({ id: '', subject: '', priority: '', state: 'closed', tickets: [] })),
    ],
    interactions: view.interactions.map((i) => ({ occurredAt: i.occurredAt, channel: i.channel, summary: i.summary })),
  };
}

/** The COM → SOM tree of an order, plus the one line the tree has no room for: why it failed. */
export function renderOrderCard(order: OrderRow): string {
  const tree: OrderTreeInput = {
    id: order.id,
    state: order.state,
    customerId: order.customerId,
    offeringId: `${order.item.offeringId}  SGD ${order.item.priceSnapshot.priceAmount}`,
    placedAt: order.orderDate,
    completedAt: order.completedDate ?? null,
    subscriptionId: order.state === 'completed' ? (order.subscriptionId ?? null) : null,
    serviceOrders: order.serviceOrders.map((so) => ({
      id: so.id,
      state: so.state,
      cfs: so.cfs.map((cfs) => ({
        id: cfs.id,
        name: cfs.name,
        state: cfs.state,
        rfs: cfs.rfs.map((rfs) => ({
          id: rfs.id,
          name: rfs.name,
          state: rfs.state,
          tasks: rfs.tasks,
        })),
      })),
    })),
  };
  const notes = [order.failureReason ? `Failure reason: ${order.failureReason}` : null, order.stuckFlaggedAt ? `Flagged stuck at ${new Date(order.stuckFlaggedAt).toISOString()}` : null].filter(
    (line): line is string => line !== null,
  );
  const card = renderOrderTree(tree);
  return notes.length ? `${card}\n${notes.join('\n')}` : card;
}

/** A catalog offering as the comparison card reads it (the TMF620 price and allowance shape). */
function offeringColumn(o: OfferingRow): CatalogOfferingInput {
  return {
    id: o.id,
    name: o.name,
    isBundle: o.isBundle,
    isSellable: o.isSellable,
    lifecycleStatus: o.lifecycleStatus,
    productOfferingPrice: o.prices.map((p) => ({ price: { taxIncludedAmount: { value: p.amount, unit: p.currency } } })),
    bundleAllowance: o.allowances,
  };
}

function caseCard(c: CaseRow): string {
  return renderCaseCard({
    id: c.id,
    subject: c.subject,
    state: c.state,
    priority: c.priority,
    customerId: c.customerId,
    category: c.category ?? null,
    createdAt: c.openedAt,
    openedBy: c.openedByAgentId ?? null,
    tickets: (c.tickets ?? []).map((t) => ({ id: t.id, ticketType: t.ticketType, state: t.state, priority: t.priority, assignedAgentId: t.assignedToAgentId ?? null })),
    notes: (c.notes ?? []).map((n) => ({ authorId: n.authorAgentId ?? n.actor, createdAt: n.createdAt, body: n.body })),
  });
}

function caseList(rows: CaseRow[]): string {
  return renderList(
    'Cases',
    [
      { header: 'ID', value: (c: CaseRow) => c.id },
      { header: 'Customer', value: (c: CaseRow) => c.customerId },
      { header: 'Subject', value: (c: CaseRow) => c.subject, maxWidth: 40 },
      { header: 'Priority', value: (c: CaseRow) => c.priority },
      { header: 'State', value: (c: CaseRow) => c.state },
      { header: 'Opened', value: (c: CaseRow) => formatDay(c.openedAt) },
    ],
    rows,
    { limit: 50 },
  );
}

function ticketList(rows: TicketRow[]): string {
  return renderList(
    'Tickets',
    [
      { header: 'ID', value: (t: TicketRow) => t.id },
      { header: 'Case', value: (t: TicketRow) => t.caseId ?? '—' },
      { header: 'Type', value: (t: TicketRow) => t.ticketType },
      { header: 'Subject', value: (t: TicketRow) => t.subject, maxWidth: 40 },
      { header: 'Priority', value: (t: TicketRow) => t.priority },
      { header: 'State', value: (t: TicketRow) => t.state },
    ],
    rows,
    { limit: 50 },
  );
}

function portList(requests: Row[]): string {
  return renderList(
    'Port requests',
    [
      { header: 'ID', value: (p: Row) => String(p.id) },
      { header: 'Direction', value: (p: Row) => String(p.direction) },
      { header: 'Donor MSISDN', value: (p: Row) => formatMsisdn(String(p.donorMsisdn)) },
      { header: 'Carrier', value: (p: Row) => String(p.donorCarrier) },
      { header: 'State', value: (p: Row) => String(p.state) },
      { header: 'Requested', value: (p: Row) => (p.requestedPortDate as string | null) ?? formatDay(p.createdAt as Instant) },
    ],
    requests,
    { limit: 50 },
  );
}

type Renderer = (result: never, now: Date) => string;

/**
 * Tool name → ASCII card: the same renderers `bss <topic> show|list` print. A line-shaped result
 * (any subscription view, also nested as `subscription`) renders its card whatever the tool.
 */
const RENDERERS: Record<string, Renderer> = {
  'customer.list': (rows: Row[]) => renderCustomerList(rows.map((c) => ({ id: String(c.id), name: String(c.name), status: String(c.status), email: (c.email ?? null) as string | null }))),
  'customer.show': (view: Customer360Row) => renderCustomer360(toCustomer360Card(view)),
  'customer.find_by_msisdn': (view: Customer360Row) => renderCustomer360(toCustomer360Card(view)),
  'catalog.list': (rows: OfferingRow[]) => renderCatalogComparison(rows.map(offeringColumn)),
  'catalog.vas': (rows: VasOfferingInput[]) => renderVasTable(rows),
  'order.list': (rows: Row[]) => renderOrderList(rows.map((o) => ({ id: String(o.id), state: String(o.state), customerId: String(o.customerId), placedAt: (o.orderDate ?? null) as Instant | null }))),
  'order.show': (order: OrderRow) => renderOrderCard(order),
  'order.wait_until': (result: { order: OrderRow }) => renderOrderCard(result.order),
  'case.list': (rows: CaseRow[]) => caseList(rows),
  'case.show': (kase: CaseRow) => caseCard(kase),
  'ticket.list': (rows: TicketRow[]) => ticketList(rows),
  'ticket.show': (ticket: TicketRow) =>
    renderTicketCard({ id: ticket.id, subject: ticket.subject, ticketType: ticket.ticketType, state: ticket.state, priority: ticket.priority, assignedAgentId: ticket.assignedToAgentId ?? null, caseId: ticket.caseId ?? null }),
  'port.list': (rows: Row[]) => portList(rows),
  'inventory.msisdn.list': (rows: Row[]) =>
    renderMsisdnList(rows.map((m) => ({ msisdn: String(m.msisdn), status: String(m.status), subscriptionId: (m.assignedToSubscriptionId ?? null) as string | null, reservedAt: (m.reservedAt ?? null) as Instant | null }))),
  'prov.tasks': (rows: ProvTaskRow[]) => renderProvTasks(rows),
};

/** The tools with a card of their own (besides any line-shaped result). */
export const RENDERED_TOOLS: readonly string[] = Object.keys(RENDERERS);

/**
 * The ASCII card of a tool result, the same in the REPL and in the cockpit's browser thread; null
 * when there is none (no renderer, an empty payload, or a shape the card did not expect — the
 * face then shows the JSON).
 */
export function renderToolResult(toolName: string, result: unknown, now: Date = new Date()): string | null {
  if (result === null || result === undefined) return null;
  if (Array.isArray(result) && result.length === 0 && toolName !== 'customer.list') return null;
  try {
    const line = lineOf(result);
    if (line) return subscriptionCard(line, now);
    const render = RENDERERS[toolName];
    return render ? render(result as never, now) : null;
  } catch {
    return null;
  }
}
