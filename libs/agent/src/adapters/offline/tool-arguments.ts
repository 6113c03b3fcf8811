/**
 * Reads a bound tool's JSON schema to learn what each argument needs (an id of some prefix, a catalog id,
 * an MSISDN, an enum value, free text) and checks a candidate value against the schema's pattern/enum.
 * Nothing here knows a particular tool: a renamed or added argument is picked up from its schema.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  pattern?: string;
  enum?: unknown[];
  items?: JsonSchema;
  description?: string;
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

export interface BoundTool {
  readonly name: string;
  readonly description: string;
  readonly parameters: JsonSchema;
}

export type TextRole = 'subject' | 'description' | 'name' | 'givenName' | 'familyName' | 'state' | 'query' | 'other';

export type ArgumentNeed =
  | { kind: 'id'; tag: string }
  | { kind: 'catalog'; tag: 'PLAN' | 'VAS' }
  | { kind: 'msisdn' }
  | { kind: 'email' }
  | { kind: 'prefix' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'text'; role: TextRole }
  | { kind: 'count' }
  | { kind: 'other' };

/** The domain nouns an `<noun>Id` argument may carry, and the prefix their ids start with. */
const NOUN_PREFIX: ReadonlyArray<readonly [RegExp, string]> = [
  [/^customer/i, 'CUST'],
  [/^(relatedS|s)ubscription/i, 'SUB'],
  [/^(relatedO|o)rder/i, 'ORD'],
  [/^case/i, 'CASE'],
  [/^ticket/i, 'TKT'],
  [/^port/i, 'PORT'],
  [/^(prov|task)/i, 'PTK'],
  [/^(paymentMethod|method)/i, 'PM'],
  [/^(payment|attempt)/i, 'PAY'],
  [/^(agent|assignedTo)/i, 'AGT'],
];

export function argumentNeed(name: string, schema: JsonSchema): ArgumentNeed {
  const enumValues = schema.enum ?? schema.items?.enum;
  if (enumValues?.length) return { kind: 'enum', values: enumValues.map(String) };
  const prefixInPattern = schema.pattern?.match(/\^\(?\??:?([A-Z]{2,5})-/);
  if (prefixInPattern) return { kind: 'id', tag: prefixInPattern[1] };
  if (/vas/i.test(name)) return { kind: 'catalog', tag: 'VAS' };
  if (/(offering|plan)(Id)?$/i.test(name)) return { kind: 'catalog', tag: 'PLAN' };
  if (/msisdn|phoneNumber/i.test(name)) return { kind: 'msisdn' };
  if (/email/i.test(name)) return { kind: 'email' };
  if (/prefix/i.test(name)) return { kind: 'prefix' };
  if (/Id$/.test(name)) {
    const noun = NOUN_PREFIX.find(([pattern]) => pattern.test(name));
    if (noun) return { kind: 'id', tag: noun[1] };
  }
  if (/^(query|question)$/i.test(name)) return { kind: 'text', role: 'query' };
  if (/^(subject|title|summary)$/i.test(name)) return { kind: 'text', role: 'subject' };
  if (/^(description|details|body|text|note|notes|reason|message)$/i.test(name)) return { kind: 'text', role: 'description' };
  if (/^(name|nameContains|name_contains)$/i.test(name)) return { kind: 'text', role: 'name' };
  if (/^(given|first)_?name$/i.test(name)) return { kind: 'text', role: 'givenName' };
  if (/^(family|last|sur)_?name$/i.test(name)) return { kind: 'text', role: 'familyName' };
  if (/^(state|status)$/i.test(name)) return { kind: 'text', role: 'state' };
  if (/^(limit|count|max\w*|top|size|page_?size|take)$/i.test(name) && schemaTypes(schema).some((t) => t === 'number' || t === 'integer')) return { kind: 'count' };
  if (schemaTypes(schema).includes('string')) return { kind: 'text', role: 'other' };
  return { kind: 'other' };
}

export function schemaTypes(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  return (schema.anyOf ?? []).flatMap(schemaTypes);
}

/** Does the schema accept this value (pattern and enum, when it states them)? */
export function accepts(schema: JsonSchema, value: string): boolean {
  if (schema.enum && !schema.enum.map(String).includes(value)) return false;
  if (schema.pattern) {
    try {
      if (!new RegExp(schema.pattern).test(value)) return false;
    } catch {
      // A pattern JavaScript cannot compile is the registry's problem; the command validates again.
    }
  }
  return true;
}

/**
 * The form of a typed id the schema takes: as typed, else with its suffix in the other case ("CUST-0A1B2C3D" is
 * `CUST-0a1b2c3d`, "port-deadbeef" is `PORT-DEADBEEF`); undefined when no form fits.
 */
export function conform(schema: JsonSchema, value: string): string | undefined {
  if (accepts(schema, value)) return value;
  const dash = value.indexOf('-');
  if (dash < 0) return undefined;
  const [prefix, suffix] = [value.slice(0, dash), value.slice(dash + 1)];
  return [`${prefix}-${suffix.toLowerCase()}`, `${prefix}-${suffix.toUpperCase()}`].find((candidate) => accepts(schema, candidate));
}

export function requiredArguments(tool: BoundTool): string[] {
  return tool.parameters.required ?? [];
}

export function argumentEntries(tool: BoundTool): Array<[string, JsonSchema]> {
  return Object.entries(tool.parameters.properties ?? {});
}

/**
 * (dev-w2) Arguments typed as a developer would: `key=value`, `--key value`, `Key: value` on a line of a ticket template, and JSON
 * objects (flattened to `key=value` by `flattenJsonObjects` before anything reads the message). Each value is matched to the chosen
 * tool's own property names below, never to a tool's name: nothing here knows a particular tool.
 */
export interface LabelledValue {
  readonly key: string;
  /** The value as typed, quotes taken off; a free-text value runs to the next label. */
  readonly value: string;
  /** "count 250", "probability 0.5": a number after a bare word, which names a property only when spelled as it (or a short form). */
  readonly loose?: boolean;
  /** "Note: …", "Reason: …": a field of prose, whose label fills free text only when spelled as the property (or a short form). */
  readonly colon?: boolean;
}

const LABEL = String.raw`[A-Za-z][\w.]*`;
const QUOTED = String.raw`"[^"]*"|'[^']*'|“[^”]*”|‘[^’]*’`;
const unquote = (value: string): string => value.trim().replace(/^["'“‘]|["'”’]$/g, '').trim();

export function labelledValues(text: string): LabelledValue[] {
  const found: LabelledValue[] = [];
  // "limit=25", "reason=session end", "name='tan'": a value runs to the next label, a comma, a semicolon or the line's end.
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\w.=-])(${LABEL})\s*=\s*(${QUOTED}|[^\s,;=]+(?:[ \t]+(?!${LABEL}\s*=|--)[^\s,;=]+)*)`, 'g'))) found.push({ key: m[1], value: unquote(m[2]) });
  // "--state open", "--limit=15": a command line's flags.
  for (const m of text.matchAll(new RegExp(String.raw`(?<!\S)--([A-Za-z][\w-]*)(?:\s*=\s*|\s+)(${QUOTED}|(?!--)[^\s,;]+)`, 'g'))) found.push({ key: m[1], value: unquote(m[2]) });
  // "prefix 8555, count 250", "probability 0.5", "timeout 60s": a number right after a word (only a property's own name counts, below).
  for (const m of text.matchAll(/(?<![\w.=-])([A-Za-z]\w*)\s+(\d+(?:\.\d+)?s?)(?![\w.%-])/g)) found.push({ key: m[1], value: m[2], loose: true });
  // "State: pending" on its own line, "customerId: CUST-…, limit: 5", "Action: list cases | Customer: CUST-…": a labelled field.
  // (The template's lines may reach here joined by spaces: a value runs to the next "Label:".)
  // (blind-q) "Registration (UEN): 201912345K": a label may carry a short qualifier in brackets.
  for (const m of text.matchAll(new RegExp(String.raw`(?:^|(?<=[\n|,;\s]))([A-Za-z]\w*)(?:[ \t]*\([^)\n]{1,20}\))?[ \t]*:[ \t]*(${QUOTED}|[^\n|]+?)(?=\s+[A-Za-z]\w*(?:[ \t]*\([^)\n]{1,20}\))?[ \t]*:\s|[\n|]|\s*$)`, 'g'))) found.push({ key: m[1], value: unquote(m[2]), colon: true });
  return found;
}

/** Short forms of property names a developer types ("qty", "sub", "max") that no prefix or suffix of the name gives. */
const SHORT_FORMS: Readonly<Record<string, readonly string[]>> = {
  qty: ['quantity'], amt: ['quantity'], amount: ['quantity'],
  to: ['toSubscriptionId'], n: ['limit'], num: ['limit'], max: ['limit'], top: ['limit'], size: ['limit'], rows: ['limit'], take: ['limit'],
  status: ['state'], state: ['status'], desc: ['description'], msg: ['message'], note: ['notes', 'body', 'resolutionNotes'],
  assignee: ['assignedToAgentId', 'agentId'], owner: ['agentId', 'assignedToAgentId'], line: ['subscriptionId'], msisdn: ['msisdn', 'donorMsisdn'],
  prob: ['probability'], percent: ['discountValue'], discount: ['discountValue'], periods: ['periodsTotal'], offerings: ['applicableOfferingIds'], plans: ['applicableOfferingIds'],
};

/** How well a typed label names a property: 3 spelled as it ("customerId", "customer_id"), 2 its start or end ("sub", "type"), else 0. */
function labelFits(label: string, property: string): number {
  const key = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  const name = property.toLowerCase();
  if (!key) return 0;
  if (key === name || SHORT_FORMS[key]?.some((p) => p.toLowerCase() === name)) return 3;
  if (key.length >= 3 && name.startsWith(key)) return 2;
  if (key.length >= 3 && name.endsWith(key)) return 2;
  // "id=PROMO_…": a bare "id" is whichever id property takes the value.
  if (key === 'id' && /id$/.test(name)) return 1;
  return 0;
}

/** (dev-w2) An argument that holds a moment ("at", "verifiedAt", "validFrom", a `date-time` format): an ISO timestamp typed fills it. */
export function isTimeArgument(name: string, schema: JsonSchema): boolean {
  const formats = [schema, ...((schema as { oneOf?: JsonSchema[] }).oneOf ?? []), ...(schema.anyOf ?? [])].map((s) => (s as { format?: string }).format);
  return formats.includes('date-time') || /^(?:at|when|time|timestamp|\w+At|valid(?:From|To|Until)|\w+Time)$/.test(name);
}
const ISO_TIMESTAMP = /(?<![\w-])\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w:-])/;
/** The ISO date or timestamp typed ("2025-03-31T23:59:00+08:00", "2026-01-01T00:00:00Z"), as typed. */
export function timestampIn(text: string): string | undefined {
  return ISO_TIMESTAMP.exec(text)?.[0];
}

/** The typed value in the form the schema takes (a number, a flag, an enum value, ids in their pattern's case), or undefined. */
export function coerceLabelled(name: string, schema: JsonSchema, typed: string): unknown {
  const types = schemaTypes(schema);
  if (isTimeArgument(name, schema)) {
    const moment = timestampIn(typed);
    return moment && accepts(schema, moment) && moment.length <= (schema.maxLength ?? moment.length) ? moment : undefined;
  }
  const first = typed.split(/\s+/)[0] ?? '';
  const enumValues = schema.enum?.map(String);
  if (enumValues?.length) {
    const plain = first.toLowerCase().replace(/[\s-]+/g, '_');
    const whole = typed.toLowerCase().replace(/[\s-]+/g, '_');
    return enumValues.find((v) => v.toLowerCase() === whole) ?? enumValues.find((v) => v.toLowerCase() === plain) ?? enumValues.find((v) => plain.length >= 4 && (v.toLowerCase().startsWith(plain) || plain.startsWith(v.toLowerCase())));
  }
  if (types.includes('array') && schema.items) {
    const items = typed.split(/[\s,;]+/).filter(Boolean).map((v) => coerceLabelled(name, schema.items!, v));
    return items.length && items.every((v) => v !== undefined) ? items : undefined;
  }
  const inRange = (n: number) => (schema.minimum === undefined || n >= schema.minimum) && (schema.maximum === undefined || n <= schema.maximum);
  if (types.includes('integer')) {
    const m = first.match(/^(\d+)(s|secs?|seconds?)?$/i);
    if (!m || (m[2] && !/seconds?$/i.test(name))) return undefined;
    return inRange(Number(m[1])) ? Number(m[1]) : undefined;
  }
  if (types.includes('number')) return /^\d*\.?\d+$/.test(first) && inRange(Number(first)) ? Number(first) : undefined;
  if (types.includes('boolean')) return /^(?:true|yes|on|1|y)$/i.test(first) ? true : /^(?:false|no|off|0|n)$/i.test(first) ? false : undefined;
  if (!types.includes('string') && types.length) return undefined;
  const value = schema.pattern && schema.pattern !== '\\S' ? first : typed.trim();
  if (!value || (schema.maxLength !== undefined && value.length > schema.maxLength) || (schema.minLength !== undefined && value.length < schema.minLength)) return undefined;
  return conform(schema, value) ?? (schema.pattern ? [value.toUpperCase(), value.toLowerCase()].find((v) => accepts(schema, v)) : undefined);
}

/** The value typed for a tool's property under a label that names it (the best-fitting label whose value the schema takes). */
export function labelledArgument(tool: BoundTool, name: string, schema: JsonSchema, labelled: readonly LabelledValue[]): unknown {
  // (A number or an address is read wherever it is typed, in the form its own reader gives: "email: ANNA@…" is anna@….)
  const kind = argumentNeed(name, schema).kind;
  if (kind === 'email' || kind === 'msisdn') return undefined;
  const others = Object.keys(tool.parameters.properties ?? {});
  let best: { fit: number; value: unknown } | undefined;
  const prose = schemaTypes(schema).includes('string') && !schema.enum && (!schema.pattern || schema.pattern === '\\S') && !isTimeArgument(name, schema);
  for (const { key, value: typed, loose, colon } of labelled) {
    const fit = labelFits(key, name);
    if (!fit || (loose && fit < 3) || (colon && prose && fit < 3)) continue;
    // ("customerId: CUST-…, limit: 5": a field's value ends at its comma, unless it is prose.)
    const value = colon && !prose ? typed.split(/[,;]/)[0].trim() : typed;
    // ("to=SUB-…" is the line moved to, never "toSubscriptionId"'s rival; a label another property fits better is that one's.)
    if (others.some((other) => other !== name && labelFits(key, other) > fit && coerceLabelled(other, tool.parameters.properties![other], value) !== undefined)) continue;
    const coerced = coerceLabelled(name, schema, value);
    if (coerced !== undefined && (!best || fit > best.fit)) best = { fit, value: coerced };
  }
  return best?.value;
}

/** Keys of a JSON object typed that say its action ("op", "action", "tool") or the kind of record it is about ("entity"). */
const JSON_VERB_KEY = /^(?:op|operation|action|cmd|command|tool|verb|method|intent|do|task)$/i;
const JSON_NOUN_KEY = /^(?:entity|resource|object|record|kind|target|table)$/i;

/**
 * `{"op":"reserve","sub":"SUB-8801","qty":200}`: a JSON object typed in a message is read as its action's words, the record kind it
 * names, then its fields as `key=value` ("reserve sub=SUB-8801 qty=200"), so the word rules and `labelledValues` meet it.
 * Keys may be unquoted and strings single-quoted; text that is no object is left as typed.
 */
export function flattenJsonObjects(text: string): string {
  return text.replace(/\{[^{}]*\}/g, (typed) => {
    let parsed: unknown;
    for (const attempt of [typed, typed.replace(/'/g, '"').replace(/([{,]\s*)([A-Za-z_]\w*)\s*:/g, '$1"$2":')]) {
      try {
        parsed = JSON.parse(attempt);
        break;
      } catch {
        parsed = undefined;
      }
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return typed;
    const entries = Object.entries(parsed as Record<string, unknown>).filter(([, v]) => v !== null && typeof v !== 'object' || Array.isArray(v));
    const asText = (v: unknown) => (Array.isArray(v) ? v.join(',') : String(v));
    const verbs = entries.filter(([k]) => JSON_VERB_KEY.test(k)).map(([, v]) => asText(v));
    const nouns = entries.filter(([k]) => JSON_NOUN_KEY.test(k)).map(([, v]) => asText(v));
    const pairs = entries.filter(([k]) => !JSON_VERB_KEY.test(k) && !JSON_NOUN_KEY.test(k)).map(([k, v]) => `${k}=${/[\s,;=]/.test(asText(v)) && !Array.isArray(v) ? `"${asText(v)}"` : asText(v)}`);
    return ` ${[...verbs, ...nouns, ...pairs].join(' ')} `;
  });
}
