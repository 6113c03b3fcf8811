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
