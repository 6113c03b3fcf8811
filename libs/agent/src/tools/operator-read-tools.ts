import { IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AuditQueries } from '@bss/audit';
import { CatalogQueries } from '@bss/catalog';
import {
  CASE_STATES,
  CUSTOMER_STATUSES,
  CaseQueries,
  CustomerQueries,
  ID_PATTERNS,
  PORT_DIRECTIONS,
  PORT_REQUEST_STATES,
  PortRequestQueries,
  TICKET_STATES,
  TicketQueries,
  type CaseState,
  type CustomerStatus,
  type PortDirection,
  type PortRequestState,
  type TicketState,
} from '@bss/crm';
import { ESIM_STATES, ICCID_PATTERN, InventoryQueries, MSISDN_PATTERN, MSISDN_STATUSES, type EsimState, type MsisdnStatus } from '@bss/inventory';
import {
  ORDER_CHAIN_QUEUES,
  ORDER_ID_PATTERN,
  ORDER_STATES,
  OrderQueries,
  OrderTraceQueries,
  ProvisioningQueries,
  SERVICE_ID_PATTERN,
  ServiceQueries,
  TASK_ID_PATTERN,
  TASK_STATES,
  type OrderState,
  type TaskState,
} from '@bss/orders';
import { PaymentQueries } from '@bss/payment';
import { Clock, JobQueue, NotFound } from '@bss/platform';
import { PROMOTION_STATES, PromoQueries, type PromotionState } from '@bss/promos';
import { SUBSCRIPTION_ID_PATTERN, SubscriptionQueries } from '@bss/subscription';
import { NoInput, defineTool } from './read-tool';
import type { ToolDescriptor, ToolRuntime } from './tool-descriptor';


const CATALOG_ID = /^[A-Z][A-Z0-9_]{1,63}$/;
const PROMOTION_ID = /^PROMO_[A-Z0-9_]{1,55}$/;

/** A linked query or service from the Nest container. */
export function service<S>(runtime: ToolRuntime, type: abstract new (...args: never[]) => S): S {
  return runtime.services.get(type, { strict: false });
}

// ── inputs: class-validator classes, so reads and writes share one schema path ──

class Limit {
  @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
}
export class CustomerListInput extends Limit {
  @IsOptional() @IsIn([...CUSTOMER_STATUSES]) status?: CustomerStatus;
  @IsOptional() @IsString() @MaxLength(100) name?: string;
}
export class CustomerIdInput {
  @Matches(ID_PATTERNS.customer) customerId!: string;
}
export class MsisdnInput {
  @Matches(MSISDN_PATTERN) msisdn!: string;
}
export class EmailInput {
  @IsEmail() email!: string;
}
export class CaseListInput extends Limit {
  @IsOptional() @Matches(ID_PATTERNS.customer) customerId?: string;
  @IsOptional() @IsIn([...CASE_STATES]) state?: CaseState;
}
export class CaseIdInput {
  @Matches(ID_PATTERNS.case) caseId!: string;
}
export class TicketListInput extends Limit {
  @IsOptional() @Matches(ID_PATTERNS.case) caseId?: string;
  @IsOptional() @Matches(ID_PATTERNS.customer) customerId?: string;
  @IsOptional() @IsIn([...TICKET_STATES]) state?: TicketState;
  @IsOptional() @Matches(ID_PATTERNS.agent) agentId?: string;
}
export class TicketIdInput {
  @Matches(ID_PATTERNS.ticket) ticketId!: string;
}
export class OrderListInput extends Limit {
  @IsOptional() @Matches(ID_PATTERNS.customer) customerId?: string;
  @IsOptional() @IsIn([...ORDER_STATES]) state?: OrderState;
}
export class OrderIdInput {
  @Matches(ORDER_ID_PATTERN) orderId!: string;
}
export class OrderWaitInput {
  @Matches(ORDER_ID_PATTERN) orderId!: string;
  /** Default `completed`; `failed` and `cancelled` also end the wait. */
  @IsOptional() @IsIn([...ORDER_STATES]) state?: OrderState;
  @IsOptional() @IsInt() @Min(1) @Max(120) timeoutSeconds?: number;
}
export class SubscriptionIdInput {
  @Matches(SUBSCRIPTION_ID_PATTERN) subscriptionId!: string;
}
export class OfferingIdInput {
  @Matches(CATALOG_ID) offeringId!: string;
}
export class PortListInput extends Limit {
  @IsOptional() @IsIn([...PORT_REQUEST_STATES]) state?: PortRequestState;
  @IsOptional() @IsIn([...PORT_DIRECTIONS]) direction?: PortDirection;
}
export class PortIdInput {
  @Matches(ID_PATTERNS.portRequest) portRequestId!: string;
}
export class PromoListInput extends Limit {
  @IsOptional() @IsIn([...PROMOTION_STATES]) state?: PromotionState;
  @IsOptional() @IsInt() @Min(0) offset?: number;
}
export class PromoIdInput {
  @Matches(PROMOTION_ID) promotionId!: string;
}
export class ProvTasksInput extends Limit {
  @IsOptional() @IsIn([...TASK_STATES]) state?: TaskState;
  @IsOptional() @Matches(SERVICE_ID_PATTERN) serviceId?: string;
  @IsOptional() @Matches(ORDER_ID_PATTERN) orderId?: string;
}
export class TaskIdInput {
  @Matches(TASK_ID_PATTERN) taskId!: string;
}
export class MsisdnListInput extends Limit {
  @IsOptional() @IsIn([...MSISDN_STATUSES]) status?: MsisdnStatus;
  @IsOptional() @Matches(/^\d{1,15}$/) prefix?: string;
}
export class MsisdnCountInput {
  @IsOptional() @Matches(/^\d{1,15}$/) prefix?: string;
}
export class EsimListInput extends Limit {
  @IsOptional() @IsIn([...ESIM_STATES]) state?: EsimState;
}
export class IccidInput {
  @Matches(ICCID_PATTERN) iccid!: string;
}
export class ClockAdvanceInput {
  @Matches(/^\d+[smhd]$/) duration!: string;
}
export class ClockFreezeInput {
  /** ISO-8601 instant; no zone means UTC. Default: the current simulated now. */
  @IsOptional() @IsString() @MaxLength(40) at?: string;
}
export class AuditListInput extends Limit {
  @IsOptional() @IsString() @MaxLength(64) aggregateId?: string;
  /** Exact type, or a prefix ending in `.` (e.g. `subscription.`). */
  @IsOptional() @IsString() @MaxLength(100) eventType?: string;
}

const SETTLED_ORDER_STATES: readonly OrderState[] = ['completed', 'failed', 'cancelled'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The 360 as `bss customer show` builds it: CRM's view plus the lines the subscription context owns. */
async function customer360(runtime: ToolRuntime, customerId: string) {
  const view = await service(runtime, CustomerQueries).get360(customerId);
  const lines = await service(runtime, SubscriptionQueries).listForCustomer(customerId);
  return {
    ...view,
    subscriptions: lines.map((l) => ({ id: l.id, offeringId: l.offeringId, state: l.state, msisdn: l.msisdn, balances: l.balances })),
  };
}

/** Every operator read (profile `operator_cockpit`), named after its `bss` verb, plus the clock writes. */
export const OPERATOR_READ_TOOLS: readonly ToolDescriptor[] = [
  defineTool({
    name: 'customer.list',
    summary: 'List customers, newest first, optionally by status or a case-insensitive substring of the name',
    returns: 'an array of customers {id, name, status, email, phone, kycStatus, customerSince}',
    input: CustomerListInput,
    run: (rt, i: CustomerListInput) => service(rt, CustomerQueries).list({ status: i.status, name: i.name, limit: i.limit ?? 20 }),
  }),
  defineTool({
    name: 'customer.show',
    summary: 'The customer 360: the customer, their lines with balances, open cases with tickets, recent interactions',
    returns: '{customer, subscriptions, openCases, closedCaseCount, interactions}',
    input: CustomerIdInput,
    run: (rt, i: CustomerIdInput) => customer360(rt, i.customerId),
  }),
  defineTool({
    name: 'customer.find_by_msisdn',
    summary: 'Find the customer who holds a phone number (MSISDN, 8 digits) and return their 360',
    returns: 'the customer 360 plus the line holding the number as `line`',
    input: MsisdnInput,
    run: async (rt, i: MsisdnInput) => {
      const line = await service(rt, SubscriptionQueries).getByMsisdn(i.msisdn);
      return { ...(await customer360(rt, line.customerId)), line: { id: line.id, state: line.state, offeringId: line.offeringId, msisdn: line.msisdn } };
    },
  }),
  defineTool({
    name: 'customer.find_by_email',
    summary: 'Find a customer by their exact email address (case-insensitive)',
    returns: 'the customer {id, name, status, email, …}',
    input: EmailInput,
    run: async (rt, i: EmailInput) => {
      const found = await service(rt, CustomerQueries).findByEmail(i.email);
      if (!found) throw new NotFound('customer with email', i.email);
      return found;
    },
  }),
  defineTool({
    name: 'case.list',
    summary: 'List cases, newest first, optionally for one customer or in one state',
    returns: 'an array of cases {id, customerId, subject, category, priority, state, openedAt}',
    input: CaseListInput,
    run: (rt, i: CaseListInput) => service(rt, CaseQueries).list({ customerId: i.customerId, state: i.state, limit: i.limit ?? 20 }),
  }),
  defineTool({
    name: 'case.show',
    summary: 'Show one case with its tickets and notes',
    returns: 'the case with `tickets` and `notes`',
    input: CaseIdInput,
    run: (rt, i: CaseIdInput) => service(rt, CaseQueries).getDetail(i.caseId),
  }),
  defineTool({
    name: 'ticket.list',
    summary: 'List tickets, newest first, by case, customer, state or assigned agent',
    returns: 'an array of tickets {id, ticketType, subject, state, priority, assignedToAgentId, caseId}',
    input: TicketListInput,
    run: (rt, i: TicketListInput) =>
      service(rt, TicketQueries).list({ caseId: i.caseId, customerId: i.customerId, state: i.state, agentId: i.agentId, limit: i.limit ?? 20 }),
  }),
  defineTool({
    name: 'ticket.show',
    summary: 'Show one ticket with its state history',
    returns: 'the ticket with its history',
    input: TicketIdInput,
    run: (rt, i: TicketIdInput) => service(rt, TicketQueries).getDetail(i.ticketId),
  }),
  defineTool({
    name: 'order.list',
    summary: 'List product orders, newest first, optionally for one customer or in one state',
    returns: 'an array of orders {id, customerId, state, orderDate, items}',
    input: OrderListInput,
    run: (rt, i: OrderListInput) => service(rt, OrderQueries).list({ customerId: i.customerId, state: i.state, limit: i.limit ?? 20 }),
  }),
  defineTool({
    name: 'order.show',
    summary: 'Show one order with its service orders, services and provisioning tasks',
    returns: 'the order tree',
    input: OrderIdInput,
    run: (rt, i: OrderIdInput) => service(rt, OrderQueries).get(i.orderId),
  }),
  defineTool({
    name: 'order.wait_until',
    summary: 'Wait (default 30 s, at most 120 s) until an order reaches a state (default completed) or settles; use it instead of polling order.show',
    returns: '{reached: boolean, order}; reached false when the order settled elsewhere or the time ran out',
    input: OrderWaitInput,
    run: async (rt, i: OrderWaitInput) => {
      const target = i.state ?? 'completed';
      const orders = service(rt, OrderQueries);
      const jobs = service(rt, JobQueue);
      const deadline = Date.now() + (i.timeoutSeconds ?? 30) * 1000;
      for (;;) {
        // In a process without workers (the CLI) the order chain only moves if someone drains it.
        await jobs.drain([...ORDER_CHAIN_QUEUES]);
        const order = await orders.get(i.orderId);
        if (order.state === target) return { reached: true, order };
        if (SETTLED_ORDER_STATES.includes(order.state) || Date.now() >= deadline) return { reached: false, order };
        await sleep(200);
      }
    },
  }),
  defineTool({
    name: 'subscription.list',
    summary: "List a customer's lines (subscriptions) with their bundle balances",
    returns: 'an array of subscriptions {id, msisdn, offeringId, state, balances, nextRenewalAt, effectiveAmount}',
    input: CustomerIdInput,
    run: (rt, i: CustomerIdInput) => service(rt, SubscriptionQueries).listForCustomer(i.customerId),
  }),
  defineTool({
    name: 'subscription.show',
    summary: 'Show one line (subscription) with its bundle balances, renewal date and top-up history; use it for "balance of SUB-…"',
    returns: 'the subscription with `balances` and `vasPurchases`',
    input: SubscriptionIdInput,
    run: async (rt, i: SubscriptionIdInput) => {
      const subscriptions = service(rt, SubscriptionQueries);
      return { ...(await subscriptions.get(i.subscriptionId)), vasPurchases: await subscriptions.listVasPurchases(i.subscriptionId) };
    },
  }),
  defineTool({
    name: 'catalog.list',
    summary: 'List the plans on sale now, cheapest first, with prices and allowances',
    returns: 'an array of offerings {id, name, prices, allowances}',
    input: NoInput,
    run: async (rt) => service(rt, CatalogQueries).listActiveOfferings(await service(rt, Clock).now()),
  }),
  defineTool({
    name: 'catalog.show',
    summary: 'Show one plan (PLAN_…) or VAS offering (VAS_…) by id',
    returns: 'the offering or VAS offering',
    input: OfferingIdInput,
    run: async (rt, i: OfferingIdInput) => {
      const catalog = service(rt, CatalogQueries);
      return catalog.getOffering(i.offeringId).catch((error: unknown) => {
        if (!(error instanceof NotFound)) throw error;
        return catalog.getVas(i.offeringId);
      });
    },
  }),
  defineTool({
    name: 'catalog.vas',
    summary: 'List the VAS (top-up) offerings a line can buy',
    returns: 'an array of VAS offerings {id, name, priceAmount, currency, allowanceType, allowanceAmount, expiryHours}',
    input: NoInput,
    run: (rt) => service(rt, CatalogQueries).listVas(),
  }),
  defineTool({
    name: 'payment.list_methods',
    summary: "List a customer's cards on file, newest first",
    returns: 'an array of payment methods {id, brand, last4, expMonth, expYear, isDefault}',
    input: CustomerIdInput,
    run: (rt, i: CustomerIdInput) => service(rt, PaymentQueries).listMethods(i.customerId),
  }),
  defineTool({
    name: 'payment.list_attempts',
    summary: "List a customer's payment attempts (charges), newest first",
    returns: 'an array of payment attempts {id, amount, currency, purpose, status, declineReason, createdAt}',
    input: CustomerIdInput,
    run: (rt, i: CustomerIdInput) => service(rt, PaymentQueries).listAttempts(i.customerId),
  }),
  defineTool({
    name: 'port.list',
    summary: 'List number-porting (MNP) requests, newest first, by state or direction',
    returns: 'an array of port requests {id, direction, donorMsisdn, state, requestedAt}',
    input: PortListInput,
    run: (rt, i: PortListInput) => service(rt, PortRequestQueries).list({ state: i.state, direction: i.direction, limit: i.limit ?? 20 }),
  }),
  defineTool({
    name: 'port.show',
    summary: 'Show one number-porting (MNP) request',
    returns: 'the port request',
    input: PortIdInput,
    run: (rt, i: PortIdInput) => service(rt, PortRequestQueries).get(i.portRequestId),
  }),
  defineTool({
    name: 'promo.list',
    summary: 'List promotions, optionally in one state',
    returns: 'an array of promotions',
    input: PromoListInput,
    run: (rt, i: PromoListInput) => service(rt, PromoQueries).list({ state: i.state, limit: i.limit ?? 50, offset: i.offset ?? 0 }),
  }),
  defineTool({
    name: 'promo.show',
    summary: 'Show one promotion with its terms and state',
    returns: 'the promotion',
    input: PromoIdInput,
    run: (rt, i: PromoIdInput) => service(rt, PromoQueries).get(i.promotionId),
  }),
  defineTool({
    name: 'prov.tasks',
    summary: 'List provisioning tasks by state, service or order (stuck and failed tasks need prov.resolve or prov.retry)',
    returns: 'an array of tasks {id, taskType, state, attempts, maxAttempts, lastError, serviceId}',
    input: ProvTasksInput,
    run: (rt, i: ProvTasksInput) =>
      service(rt, ProvisioningQueries).listTasks({ state: i.state, serviceId: i.serviceId, commercialOrderId: i.orderId, limit: i.limit ?? 20 }),
  }),
  defineTool({
    name: 'prov.show',
    summary: 'Show one provisioning task',
    returns: 'the task',
    input: TaskIdInput,
    run: (rt, i: TaskIdInput) => service(rt, ProvisioningQueries).getTask(i.taskId),
  }),
  defineTool({
    name: 'prov.faults',
    summary: 'List the fault-injection rules of the provisioning simulator',
    returns: 'an array of fault rules {taskType, faultType, enabled, probability}',
    input: NoInput,
    run: (rt) => service(rt, ProvisioningQueries).listFaultRules(),
  }),
  defineTool({
    name: 'inventory.msisdn.list',
    summary: 'List phone numbers (MSISDNs) in the pool by status or digit prefix',
    returns: 'an array of numbers {msisdn, status, assignedToSubscriptionId, reservedAt}; use inventory.msisdn.count for totals',
    input: MsisdnListInput,
    run: (rt, i: MsisdnListInput) => service(rt, InventoryQueries).listMsisdns({ status: i.status, prefix: i.prefix, limit: i.limit ?? 20 }),
  }),
  defineTool({
    name: 'inventory.msisdn.show',
    summary: 'Show one phone number (MSISDN) of the pool',
    returns: 'the number {msisdn, status, assignedToSubscriptionId, reservedAt, quarantineUntil}',
    input: MsisdnInput,
    run: (rt, i: MsisdnInput) => service(rt, InventoryQueries).getMsisdn(i.msisdn),
  }),
  defineTool({
    name: 'inventory.msisdn.count',
    summary: 'Count the phone numbers of the pool by status, optionally under a digit prefix ("how many numbers are free")',
    returns: '{available, reserved, assigned, ported_out, total, prefix}',
    input: MsisdnCountInput,
    run: (rt, i: MsisdnCountInput) => service(rt, InventoryQueries).countMsisdns({ prefix: i.prefix }),
  }),
  defineTool({
    name: 'inventory.esim.list',
    summary: 'List eSIM profiles of the pool by state',
    returns: 'an array of eSIM profiles {iccid, profileState, assignedMsisdn, assignedToSubscriptionId}',
    input: EsimListInput,
    run: (rt, i: EsimListInput) => service(rt, InventoryQueries).listEsims({ state: i.state, limit: i.limit ?? 20 }),
  }),
  defineTool({
    name: 'inventory.esim.show',
    summary: 'Show one eSIM profile by ICCID',
    returns: 'the eSIM profile',
    input: IccidInput,
    run: (rt, i: IccidInput) => service(rt, InventoryQueries).getEsim(i.iccid),
  }),
  defineTool({
    name: 'inventory.esim.activation',
    summary: 'The activation details of an eSIM profile: LPA activation code, SM-DP+ server, matching id',
    returns: '{iccid, imsi, msisdn, activationCode, smdpServer, matchingId, profileState}',
    input: IccidInput,
    run: (rt, i: IccidInput) => service(rt, InventoryQueries).activation(i.iccid),
  }),
  defineTool({
    name: 'som.service.list',
    summary: 'List the CFS/RFS services behind a line (subscription)',
    returns: 'an array of services {id, serviceType, name, state, parentServiceId}',
    input: SubscriptionIdInput,
    run: (rt, i: SubscriptionIdInput) => service(rt, ServiceQueries).listForSubscription(i.subscriptionId),
  }),
  defineTool({
    name: 'clock.now',
    summary: 'The BSS clock (which may be frozen or offset): use it for every timestamp and date question',
    returns: '{now, mode, offsetSeconds, frozenAt}',
    input: NoInput,
    run: (rt) => service(rt, Clock).state(),
  }),
  // The platform clock is no context command (so not on the verb spine), but the operator's
  // `bss clock advance|freeze|unfreeze` verbs are tools of the contract all the same.
  defineTool({
    name: 'clock.advance',
    kind: 'write',
    summary: 'Move the BSS clock forward by a duration such as 30m, 12h or 31d (renewals and expiries follow it)',
    returns: '{now, mode, offsetSeconds, frozenAt}',
    input: ClockAdvanceInput,
    run: (rt, i: ClockAdvanceInput) => service(rt, Clock).advance(i.duration),
  }),
  defineTool({
    name: 'clock.freeze',
    kind: 'write',
    summary: 'Stop the BSS clock at an instant (default: the current simulated now)',
    returns: '{now, mode, offsetSeconds, frozenAt}',
    input: ClockFreezeInput,
    run: (rt, i: ClockFreezeInput) => service(rt, Clock).freeze(i.at),
  }),
  defineTool({
    name: 'clock.unfreeze',
    kind: 'write',
    summary: 'Let the BSS clock run on wall time again, keeping its offset',
    returns: '{now, mode, offsetSeconds, frozenAt}',
    input: NoInput,
    run: (rt) => service(rt, Clock).unfreeze(),
  }),
  defineTool({
    name: 'audit.list',
    summary: 'List audit events (the domain event log), newest first, by aggregate id or event type',
    returns: 'an array of events {eventType, aggregateId, occurredAt, actor, channel, serviceIdentity, payload}',
    input: AuditListInput,
    run: (rt, i: AuditListInput) => service(rt, AuditQueries).list({ aggregateId: i.aggregateId, eventType: i.eventType, limit: i.limit ?? 20 }),
  }),
  defineTool({
    name: 'trace.for_order',
    summary: 'The trace of an order across COM, SOM, inventory, provisioning, subscription and payment',
    returns: '{orderId, traceId, entries}',
    input: OrderIdInput,
    run: (rt, i: OrderIdInput) => service(rt, OrderTraceQueries).forOrder(i.orderId),
  }),
];
