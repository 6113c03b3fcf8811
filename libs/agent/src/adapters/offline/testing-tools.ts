/**
 * The registry's tool definitions and a small fake world of results, for the offline model's specs
 * and its benchmark. Neither touches a database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import type { JsonSchema } from './tool-arguments';

export interface FunctionTool {
  type: 'function';
  function: { name: string; description: string; parameters: JsonSchema };
}

/**
 * The two profiles exactly as the registry builds them (`data/registry-tools.json`, kept current by
 * apps/bss's ask spec): the model is measured against the argument names and enums it will meet.
 */
const REGISTRY = JSON.parse(readFileSync(join(__dirname, 'data', 'registry-tools.json'), 'utf8')) as Record<
  'customer_self_serve' | 'operator_cockpit',
  { name: string; description: string; parameters: JsonSchema }[]
>;

const asFunctionTools = (tools: (typeof REGISTRY)['operator_cockpit']): FunctionTool[] => tools.map((t) => ({ type: 'function', function: t }));

export const CUSTOMER_TOOLS: FunctionTool[] = asFunctionTools(REGISTRY.customer_self_serve);
export const OPERATOR_TOOLS: FunctionTool[] = asFunctionTools(REGISTRY.operator_cockpit);

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
