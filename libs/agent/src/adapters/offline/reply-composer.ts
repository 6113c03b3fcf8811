/**
 * Plain-words replies composed only from tool results: ids and figures verbatim, no raw JSON,
 * nothing the results do not say.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const MAX_LIST_ROWS = 10;

export interface ToolErrorObservation {
  readonly error: string;
  readonly rule?: string;
  readonly message?: string;
  readonly detail?: string;
  readonly fields?: Json;
  readonly tool?: string;
}

export function asToolError(result: unknown): ToolErrorObservation | undefined {
  if (result && typeof result === 'object' && !Array.isArray(result) && typeof (result as ToolErrorObservation).error === 'string') {
    return result as ToolErrorObservation;
  }
  return undefined;
}

export function explainError(toolName: string, error: ToolErrorObservation): string {
  const said = error.message ?? error.detail;
  switch (error.error) {
    case 'POLICY_VIOLATION':
      return `I couldn't do that: ${said ?? 'a business rule refused it'}${error.rule ? ` (rule ${error.rule})` : ''}.`;
    case 'NOT_FOUND':
      return `I couldn't find that: ${said ?? 'no such record'}.`;
    case 'INVALID_INPUT':
      return `Some details were not valid${describeFields(error.fields)}. Could you check them and try again?`;
    case 'DESTRUCTIVE_OPERATION_BLOCKED':
      return `${humanTool(error.tool ?? toolName)} is a destructive action and needs confirmation before it runs. ${said ?? ''}`.trim();
    default:
      return `That did not work (${error.error}${said ? `: ${said}` : ''}).`;
  }
}

function describeFields(fields: Json | undefined): string {
  if (!Array.isArray(fields) || fields.length === 0) return '';
  const names = fields.map((f) => (f && typeof f === 'object' && !Array.isArray(f) ? String(f.field ?? f.property ?? f.name ?? JSON.stringify(f)) : String(f)));
  return ` (${names.join(', ')})`;
}

function humanTool(name: string): string {
  return name.replace(/[._]/g, ' ').replace(/\bmine\b|\bfor me\b/g, '').trim();
}

/** A sentence or a short list saying what a tool returned. */
export function describeResult(toolName: string, result: unknown): string {
  if (typeof result === 'string') return result.length > 400 ? `${result.slice(0, 400)}…` : result;
  const error = asToolError(result);
  if (error) return explainError(toolName, error);
  if (toolName === 'knowledge.search') return describeKnowledge(result as JsonObject);
  const list = asList(result);
  if (list) return describeList(toolName, list);
  if (result && typeof result === 'object') return describeObject(result as JsonObject);
  return result === undefined || result === null ? 'Nothing came back.' : String(result);
}

/** The best handbook section, quoted briefly, with its anchor as the citation. */
function describeKnowledge(result: JsonObject): string {
  const hits = Array.isArray(result?.hits) ? (result.hits as JsonObject[]) : [];
  const top = hits[0];
  if (!top) return 'The handbook has nothing on that; try other words.';
  const body = String(top.content ?? '')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .join(' ')
    .replace(/\s+/g, ' ');
  const quote = body.length > 500 ? `${body.slice(0, 500)}…` : body;
  const more = hits.slice(1, 3).map((h) => `${h.sourcePath}#${h.anchor}`);
  return `${quote}\n(see ${top.sourcePath}#${top.anchor}${more.length ? `; also ${more.join(', ')}` : ''})`;
}

export function asList(result: unknown): JsonObject[] | undefined {
  if (Array.isArray(result)) return result.filter((r): r is JsonObject => !!r && typeof r === 'object' && !Array.isArray(r));
  if (result && typeof result === 'object') {
    for (const key of ['items', 'results', 'data', 'rows']) {
      const inner = (result as JsonObject)[key];
      if (Array.isArray(inner)) return asList(inner);
    }
  }
  return undefined;
}

function describeList(toolName: string, items: JsonObject[]): string {
  const noun = listNoun(toolName);
  if (items.length === 0) return `There are no ${noun} to show.`;
  const rows = items.slice(0, MAX_LIST_ROWS).map((item) => `- ${describeRow(item)}`);
  const more = items.length > MAX_LIST_ROWS ? `\n(+ ${items.length - MAX_LIST_ROWS} more)` : '';
  return `${items.length === 1 ? `There is 1 ${singular(noun)}` : `There are ${items.length} ${noun}`}:\n${rows.join('\n')}${more}`;
}

function listNoun(toolName: string): string {
  if (/vas/.test(toolName)) return 'top-ups';
  if (/catalog|offering/.test(toolName)) return 'plans';
  if (/subscription/.test(toolName)) return 'lines';
  if (/case/.test(toolName)) return 'cases';
  if (/ticket/.test(toolName)) return 'tickets';
  if (/order/.test(toolName)) return 'orders';
  if (/customer/.test(toolName)) return 'customers';
  if (/payment\.(method|list_methods)/.test(toolName)) return 'payment methods';
  if (/payment|charge/.test(toolName)) return 'charges';
  if (/usage/.test(toolName)) return 'usage records';
  if (/port/.test(toolName)) return 'port requests';
  if (/msisdn/.test(toolName)) return 'numbers';
  if (/esim/.test(toolName)) return 'eSIM profiles';
  return 'results';
}

function singular(noun: string): string {
  return noun.replace(/ies$/, 'y').replace(/s$/, '');
}

/** One line for a list row: id, then the fields a person reads first. */
export function describeRow(item: JsonObject): string {
  const parts: string[] = [];
  const id = firstString(item, ['id', 'subscriptionId', 'caseId', 'orderId', 'msisdn', 'iccid']);
  if (id) parts.push(id);
  const label = firstString(item, ['name', 'displayName', 'subject', 'offeringName', 'offeringId', 'brand', 'email']);
  if (label && label !== id) parts.push(label);
  const msisdn = firstString(item, ['msisdn']);
  if (msisdn && msisdn !== id) parts.push(`number ${msisdn}`);
  const price = describePrice(item);
  if (price) parts.push(price);
  const allowance = describeVasAllowance(item);
  if (allowance) parts.push(allowance);
  const last4 = firstString(item, ['last4']);
  if (last4) parts.push(`ending ${last4}`);
  const amount = firstString(item, ['amount']);
  if (amount && !price) parts.push(`${firstString(item, ['currency']) ?? ''} ${amount}`.trim());
  const state = firstString(item, ['state', 'status', 'lifecycleStatus']);
  if (state) parts.push(`[${state}]`);
  const when = firstString(item, ['createdAt', 'occurredAt', 'eventTime', 'orderDate']);
  if (when) parts.push(when.slice(0, 16).replace('T', ' '));
  return parts.join(' — ');
}

function describeObject(item: JsonObject): string {
  const lines: string[] = [describeRow(item)];
  const plan = firstString(item, ['offeringName', 'offeringId', 'planName']);
  if (plan && !lines[0].includes(plan)) lines.push(`Plan: ${plan}`);
  const charge = firstString(item, ['currentMonthlyCharge']) ?? (firstString(item, ['effectiveAmount']) ? `${firstString(item, ['currency']) ?? 'SGD'} ${firstString(item, ['effectiveAmount'])}` : undefined);
  if (charge) lines.push(`Monthly charge: ${charge}`);
  const renew = firstString(item, ['nextRenewalAt', 'renewsAt', 'currentPeriodEnd']);
  if (renew) lines.push(`Next renewal: ${renew.slice(0, 10)}`);
  const pending = firstString(item, ['pendingOfferingId', 'pendingPlanChange']);
  if (pending) lines.push(`Scheduled plan change to ${pending}${firstString(item, ['pendingEffectiveAt']) ? ` on ${firstString(item, ['pendingEffectiveAt'])!.slice(0, 10)}` : ''}`);
  const email = firstString(item, ['email']);
  if (email && !lines[0].includes(email)) lines.push(`Email: ${email}`);
  const kyc = firstString(item, ['kycStatus']);
  if (kyc) lines.push(`KYC: ${kyc.replace(/_/g, ' ')}`);
  const balances = item.balances ?? item.bundle ?? item.allowances;
  if (Array.isArray(balances)) for (const balance of balances) if (balance && typeof balance === 'object' && !Array.isArray(balance)) lines.push(describeBalance(balance));
  const lpa = firstString(item, ['lpa', 'lpaCode', 'activationCode']);
  if (lpa) lines.push(`eSIM activation code: ${lpa.startsWith('LPA:') ? lpa : `LPA:1$${lpa}`}`);
  const iccid = firstString(item, ['iccid']);
  if (iccid && !lines[0].includes(iccid)) lines.push(`ICCID: ${iccid}`);
  for (const key of ['available', 'reserved', 'assigned', 'ported_out', 'portedOut', 'total']) {
    if (typeof item[key] === 'number') lines.push(`${key.replace('_', ' ')}: ${item[key]}`);
  }
  const now = firstString(item, ['now', 'time', 'utc']);
  if (now) lines.push(`Current time: ${now}`);
  for (const [key, value] of Object.entries(item)) {
    if (Array.isArray(value) && key !== 'balances' && key !== 'bundle' && key !== 'allowances' && value.length > 0) {
      const rows = asList(value);
      if (rows?.length) lines.push(`${key}: ${rows.slice(0, 5).map(describeRow).join('; ')}${rows.length > 5 ? ` (+ ${rows.length - 5} more)` : ''}`);
    }
  }
  const text = lines.filter(Boolean).join('\n');
  return text || 'Done.';
}

/** A balance (`total`/`consumed`/`remaining`, −1 = unlimited) or a plan allowance (`quantity`). */
function describeBalance(balance: JsonObject): string {
  const type = String(balance.type ?? balance.allowanceType ?? 'allowance');
  const unit = String(balance.unit ?? (type.startsWith('data') ? 'mb' : ''));
  const label = type.replace(/_/g, ' ');
  const quantity = numberOf(balance.quantity);
  if (quantity !== undefined) return `${label}: ${quantity < 0 ? 'unlimited' : formatAmount(quantity, unit)}`;
  const total = numberOf(balance.total);
  const used = numberOf(balance.used ?? balance.consumed);
  const remaining = numberOf(balance.remaining) ?? (total !== undefined && used !== undefined ? total - used : undefined);
  if (total === undefined || total < 0 || (remaining !== undefined && remaining < 0) || balance.total === 'unlimited') return `${label}: unlimited`;
  return `${label}: ${formatAmount(remaining ?? 0, unit)} left of ${formatAmount(total, unit)}${used !== undefined ? ` (${formatAmount(used, unit)} used)` : ''}`;
}

function formatAmount(value: number, unit: string): string {
  if (/^mb$/i.test(unit)) return Math.abs(value) >= 1024 ? `${round(value / 1024)} GB` : `${round(value)} MB`;
  if (/^count$/i.test(unit)) return `${round(value)} SMS`;
  return `${round(value)} ${unit}`.trim();
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function describePrice(item: JsonObject): string | undefined {
  const [firstPrice] = Array.isArray(item.prices) ? item.prices : [];
  const priceRow = firstPrice && typeof firstPrice === 'object' && !Array.isArray(firstPrice) ? firstPrice : undefined;
  const amount = firstString(item, ['effectiveAmount', 'priceAmount', 'price', 'monthlyPrice']) ?? (priceRow ? firstString(priceRow, ['amount']) : undefined);
  if (!amount) return undefined;
  return `${firstString(item, ['currency', 'ccy']) ?? (priceRow ? firstString(priceRow, ['currency']) : undefined) ?? 'SGD'} ${amount}`;
}

function describeVasAllowance(item: JsonObject): string | undefined {
  const quantity = numberOf(item.allowanceQuantity);
  if (quantity === undefined) return undefined;
  if (quantity < 0) return 'unlimited';
  return formatAmount(quantity, String(item.allowanceUnit ?? 'mb'));
}

function numberOf(value: Json | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function firstString(item: JsonObject, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = item[key];
    if (typeof value === 'string' && value.trim()) return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}
