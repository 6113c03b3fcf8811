/**
 * Tool definitions shaped like the registry's (names from the tool-name contract, schemas as
 * class-validator-jsonschema renders the command inputs) and a small fake world of results, for the
 * offline model's specs and its benchmark. Neither touches a database.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import type { JsonSchema } from './tool-arguments';

export interface FunctionTool {
  type: 'function';
  function: { name: string; description: string; parameters: JsonSchema };
}

const SUB = { type: 'string', pattern: '^SUB-\\d{4,}$', description: 'Subscription id, e.g. SUB-0001; never invent an id' };
const CUST = { type: 'string', pattern: '^CUST-[0-9a-f]{8}$', description: 'Customer id (CUST-…); never invent an id' };
const CASE = { type: 'string', pattern: '^CASE-[0-9a-f]{8}$' };
const TKT = { type: 'string', pattern: '^TKT-[0-9a-f]{8}$' };
const ORD = { type: 'string', pattern: '^ORD-\\d{4,}$' };
const CATALOG_ID = { type: 'string', pattern: '^[A-Z][A-Z0-9_]{1,63}$' };

function tool(name: string, properties: Record<string, JsonSchema> = {}, required: string[] = []): FunctionTool {
  return {
    type: 'function',
    function: { name, description: `${name.replace(/[._]/g, ' ')}: test double with the registry's argument names and patterns.`, parameters: { type: 'object', properties, required } },
  };
}

export const CUSTOMER_TOOLS: FunctionTool[] = [
  tool('catalog.list_active_offerings'),
  tool('catalog.get_offering', { offeringId: CATALOG_ID }, ['offeringId']),
  tool('catalog.list_vas'),
  tool('subscription.list_mine'),
  tool('subscription.get_mine', { subscriptionId: SUB }, ['subscriptionId']),
  tool('subscription.get_balance_mine', { subscriptionId: SUB }, ['subscriptionId']),
  tool('subscription.get_lpa_mine', { subscriptionId: SUB }, ['subscriptionId']),
  tool('usage.history_mine', { subscriptionId: SUB, limit: { type: 'number' } }),
  tool('customer.get_mine'),
  tool('payment.method_list_mine'),
  tool('payment.charge_history_mine'),
  tool('vas.purchase_for_me', { subscriptionId: SUB, vasOfferingId: CATALOG_ID }, ['subscriptionId', 'vasOfferingId']),
  tool('subscription.schedule_plan_change_mine', { subscriptionId: SUB, offeringId: CATALOG_ID }, ['subscriptionId', 'offeringId']),
  tool('subscription.cancel_pending_plan_change_mine', { subscriptionId: SUB }, ['subscriptionId']),
  tool('subscription.terminate_mine', { subscriptionId: SUB }, ['subscriptionId']),
  tool(
    'case.open_for_me',
    {
      category: { type: 'string', enum: ['fraud', 'billing_dispute', 'regulator_complaint', 'identity_recovery', 'bereavement', 'other'] },
      subject: { type: 'string', minLength: 1 } as JsonSchema,
      description: { type: 'string' },
    },
    ['category', 'subject', 'description'],
  ),
  tool('case.list_for_me'),
];

const PRIORITY = { type: 'string', enum: ['low', 'normal', 'medium', 'high', 'urgent', 'critical'] };

export const OPERATOR_TOOLS: FunctionTool[] = [
  tool('customer.list', { status: { type: 'string', enum: ['pending', 'active', 'suspended', 'closed'] }, name: { type: 'string' } }),
  tool('customer.show', { customerId: CUST }, ['customerId']),
  tool('customer.find_by_msisdn', { msisdn: { type: 'string', pattern: '^\\d{8,15}$' } }, ['msisdn']),
  tool('customer.find_by_email', { email: { type: 'string' } }, ['email']),
  tool('customer.create', { givenName: { type: 'string' }, familyName: { type: 'string' }, email: { type: 'string' } }, ['givenName', 'familyName', 'email']),
  tool('customer.attest_kyc', { customerId: CUST }, ['customerId']),
  tool('case.list', { customerId: CUST, state: { type: 'string', enum: ['open', 'in_progress', 'pending_customer', 'resolved', 'closed'] } }),
  tool('case.show', { caseId: CASE }, ['caseId']),
  tool(
    'case.open',
    { customerId: CUST, subject: { type: 'string' }, description: { type: 'string' }, category: { type: 'string', enum: ['general', 'billing', 'technical', 'complaint', 'account', 'information'] }, priority: PRIORITY },
    ['customerId', 'subject'],
  ),
  tool('case.note', { caseId: CASE, body: { type: 'string' } }, ['caseId', 'body']),
  tool('case.transition', { caseId: CASE, action: { type: 'string', enum: ['start', 'pend', 'resolve', 'reopen'] } }, ['caseId', 'action']),
  tool('case.close', { caseId: CASE, resolutionCode: { type: 'string' } }, ['caseId']),
  tool('ticket.list', { caseId: CASE, customerId: CUST, state: { type: 'string', enum: ['open', 'assigned', 'acknowledged', 'in_progress', 'resolved', 'closed', 'cancelled'] } }),
  tool('ticket.show', { ticketId: TKT }, ['ticketId']),
  tool(
    'ticket.open',
    {
      ticketType: { type: 'string', enum: ['information_request', 'service_outage', 'billing_dispute', 'configuration', 'provisioning_exception'] },
      subject: { type: 'string' },
      description: { type: 'string' },
      caseId: CASE,
      customerId: CUST,
      priority: PRIORITY,
    },
    ['subject'],
  ),
  tool('ticket.assign', { ticketId: TKT, agentId: { type: 'string', pattern: '^AGT-[0-9A-Z]+$' } }, ['ticketId', 'agentId']),
  tool('ticket.resolve', { ticketId: TKT, notes: { type: 'string' } }, ['ticketId']),
  tool('ticket.cancel', { ticketId: TKT }, ['ticketId']),
  tool('order.list', { customerId: CUST, state: { type: 'string', enum: ['acknowledged', 'in_progress', 'completed', 'failed', 'cancelled'] } }),
  tool('order.show', { orderId: ORD }, ['orderId']),
  tool('order.create', { customerId: CUST, offeringId: CATALOG_ID }, ['customerId', 'offeringId']),
  tool('order.cancel', { orderId: ORD }, ['orderId']),
  tool('order.wait_until', { orderId: ORD, state: { type: 'string' } }, ['orderId']),
  tool('subscription.list', { customerId: CUST }, ['customerId']),
  tool('subscription.show', { subscriptionId: SUB }, ['subscriptionId']),
  tool('subscription.vas', { subscriptionId: SUB, vasOfferingId: CATALOG_ID }, ['subscriptionId', 'vasOfferingId']),
  tool('subscription.renew', { subscriptionId: SUB }, ['subscriptionId']),
  tool('subscription.terminate', { subscriptionId: SUB, reason: { type: 'string', enum: ['customer_request', 'port_out', 'fraud', 'non_payment'] }, releaseInventory: { type: 'boolean' } }, ['subscriptionId']),
  tool('subscription.schedule_plan_change', { subscriptionId: SUB, offeringId: CATALOG_ID }, ['subscriptionId', 'offeringId']),
  tool('subscription.cancel_plan_change', { subscriptionId: SUB }, ['subscriptionId']),
  tool('catalog.list'),
  tool('catalog.show', { offeringId: CATALOG_ID }, ['offeringId']),
  tool('catalog.vas'),
  tool('payment.list_methods', { customerId: CUST }, ['customerId']),
  tool('payment.list_attempts', { customerId: CUST }, ['customerId']),
  tool('payment.remove_method', { paymentMethodId: { type: 'string', pattern: '^PM-[0-9a-f]{8}$' } }, ['paymentMethodId']),
  tool('port.list'),
  tool('port.show', { portRequestId: { type: 'string', pattern: '^PORT-[0-9A-F]{8}$' } }, ['portRequestId']),
  tool('promo.list'),
  tool('prov.tasks', { state: { type: 'string' } }),
  tool('prov.show', { taskId: { type: 'string', pattern: '^PTK-[0-9a-zA-Z]+$' } }, ['taskId']),
  tool('inventory.msisdn.list', { state: { type: 'string', enum: ['available', 'reserved', 'assigned', 'quarantined', 'ported_out'] }, prefix: { type: 'string', pattern: '^\\d{1,7}$' }, limit: { type: 'number' } }),
  tool('inventory.msisdn.count', { prefix: { type: 'string', pattern: '^\\d{1,7}$' } }),
  tool('inventory.esim.list', { state: { type: 'string' } }),
  tool('clock.now'),
];

export const PLANS = [
  { id: 'PLAN_S', name: 'Lite', priceAmount: '10.00', currency: 'SGD' },
  { id: 'PLAN_M', name: 'Standard', priceAmount: '25.00', currency: 'SGD' },
  { id: 'PLAN_L', name: 'Max', priceAmount: '45.00', currency: 'SGD' },
];

export const VAS = [
  { id: 'VAS_DATA_1GB', name: 'Data Top-Up 1GB', priceAmount: '3.00', allowanceType: 'data', allowanceQuantity: 1024, expiryHours: null },
  { id: 'VAS_DATA_5GB', name: 'Data Top-Up 5GB', priceAmount: '12.00', allowanceType: 'data', allowanceQuantity: 5120, expiryHours: null },
  { id: 'VAS_UNLIMITED_DAY', name: 'Unlimited Data Day Pass', priceAmount: '5.00', allowanceType: 'data', allowanceQuantity: -1, expiryHours: 24 },
  { id: 'VAS_ROAMING_1GB', name: 'Roaming Data 1GB', priceAmount: '8.00', allowanceType: 'data_roaming', allowanceQuantity: 1024, expiryHours: null },
];

export const ME = 'CUST-0a0b0c0d';
export const ONE_LINE = [{ id: 'SUB-0001', customerId: ME, offeringId: 'PLAN_M', state: 'active', msisdn: '81234567' }];
export const TWO_LINES = [...ONE_LINE, { id: 'SUB-0002', customerId: ME, offeringId: 'PLAN_S', state: 'active', msisdn: '81239999' }];

/** What a tool answers in the fake world; `lines` decides how many lines the customer has. */
export function fakeResult(name: string, args: Record<string, unknown>, lines: 'one' | 'two' = 'one'): unknown {
  const subs = lines === 'two' ? TWO_LINES : ONE_LINE;
  if (name === 'subscription.list_mine' || name === 'subscription.list') return subs;
  if (name === 'catalog.list_vas' || name === 'catalog.vas') return VAS;
  if (name === 'catalog.list_active_offerings' || name === 'catalog.list') return PLANS;
  if (name === 'customer.find_by_msisdn' || name === 'customer.find_by_email') return { id: 'CUST-1a2b3c4d', name: 'Jane Tan', status: 'active' };
  if (/balance|subscription\.show|get_mine/.test(name)) {
    return { id: args.subscriptionId ?? 'SUB-0001', customerId: ME, state: 'active', msisdn: '81234567', balances: [{ type: 'data', used: 1024, total: 5120, unit: 'mb' }] };
  }
  if (name === 'case.open_for_me' || name === 'case.open') return { id: 'CASE-1a2b3c4d', customerId: ME, state: 'open', subject: args.subject };
  return { ok: true, ...args };
}

export interface DrivenCall {
  name: string;
  args: Record<string, unknown>;
}

export interface DrivenTurn {
  calls: DrivenCall[];
  reply: string;
  /** Milliseconds per model call. */
  latencies: number[];
}

export interface HistoryEntry {
  user?: string;
  assistant?: string;
  call?: DrivenCall;
  result?: unknown;
}

type Invokable = Pick<BaseChatModel, 'invoke'>;

/**
 * Runs one user turn against the fake world: each tool call the model makes is answered by
 * `fakeResult`, until the model replies (or `maxSteps` calls, a guard against a looping model).
 */
export async function driveTurn(model: Invokable, text: string, options: { history?: HistoryEntry[]; lines?: 'one' | 'two'; maxSteps?: number } = {}): Promise<DrivenTurn> {
  const { AIMessage, HumanMessage, SystemMessage, ToolMessage } = await import('@langchain/core/messages');
  const messages: BaseMessage[] = [new SystemMessage('You are the BSS assistant.')];
  let n = 0;
  for (const entry of options.history ?? []) {
    if (entry.user !== undefined) messages.push(new HumanMessage(entry.user));
    if (entry.assistant !== undefined) messages.push(new AIMessage(entry.assistant));
    if (entry.call) {
      const id = `history_${(n += 1)}`;
      messages.push(new AIMessage({ content: '', tool_calls: [{ name: entry.call.name, args: entry.call.args, id, type: 'tool_call' }] }));
      messages.push(new ToolMessage({ tool_call_id: id, content: JSON.stringify(entry.result ?? fakeResult(entry.call.name, entry.call.args, options.lines)) }));
    }
  }
  messages.push(new HumanMessage(text));
  const calls: DrivenCall[] = [];
  const latencies: number[] = [];
  for (let step = 0; step < (options.maxSteps ?? 8); step += 1) {
    const started = performance.now();
    const answer = await model.invoke(messages);
    latencies.push(performance.now() - started);
    messages.push(answer);
    if (!answer.tool_calls?.length) return { calls, reply: typeof answer.content === 'string' ? answer.content : '', latencies };
    for (const c of answer.tool_calls) {
      calls.push({ name: c.name, args: c.args });
      messages.push(new ToolMessage({ tool_call_id: c.id ?? '', content: JSON.stringify(fakeResult(c.name, c.args, options.lines)) }));
    }
  }
  return { calls, reply: '', latencies };
}
