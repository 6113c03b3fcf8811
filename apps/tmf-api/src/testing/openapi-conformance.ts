// Spec helper: the static conformance comparison of an OpenAPI 3 document with the official one.

type Json = Record<string, unknown>;
interface Doc {
  servers?: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components?: Json;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
/** Deep enough for every official TMF schema we serve; refs already compared are not walked twice. */
const MAX_DEPTH = 8;

function resolve(doc: Doc, value: unknown): Json | undefined {
  let node = value as Json | undefined;
  for (let hops = 0; node && typeof node.$ref === 'string' && hops < 20; hops++) {
    node = (node.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, key) => (at as Json | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc) as Json | undefined;
  }
  return node;
}

/** allOf flattened into one object schema: its properties and required names, as a validator sees them. */
function flatten(doc: Doc, schema: Json | undefined): Json | undefined {
  if (!schema || !Array.isArray(schema.allOf)) return schema;
  const parts = [schema, ...(schema.allOf as unknown[]).map((s) => flatten(doc, resolve(doc, s)))];
  return {
    ...schema,
    type: schema.type ?? parts.find((p) => p?.type)?.type,
    properties: Object.assign({}, ...parts.map((p) => p?.properties ?? {})),
    required: [...new Set(parts.flatMap((p) => (p?.required as string[] | undefined) ?? []))],
  };
}

function basePath(doc: Doc): string {
  const url = doc.servers?.[0]?.url ?? '/';
  return new URL(url, 'http://server').pathname.replace(/\/$/, '');
}

/** What of the official schema `a` is missing or changed in ours (`b`): type, required names, properties, items. */
function schemaProblems(official: Doc, ours: Doc, a: unknown, b: unknown, where: string, depth: number, seen: Set<string>): string[] {
  const pairKey = `${(a as Json | undefined)?.$ref ?? ''}|${(b as Json | undefined)?.$ref ?? ''}`;
  if (pairKey !== '|') {
    if (seen.has(pairKey)) return [];
    seen.add(pairKey);
  }
  const sa = flatten(official, resolve(official, a));
  const sb = flatten(ours, resolve(ours, b));
  if (!sa) return [];
  if (!sb) return [`${where}: schema missing`];
  if (depth > MAX_DEPTH) return [];
  const problems: string[] = [];
  if (sa.type !== undefined && sa.type !== sb.type) problems.push(`${where}: type ${String(sa.type)} became ${String(sb.type)}`);
  for (const name of (sa.required as string[] | undefined) ?? []) {
    if (!((sb.required as string[] | undefined) ?? []).includes(name)) problems.push(`${where}: required property ${name} no longer required`);
  }
  for (const [name, prop] of Object.entries((sa.properties as Json | undefined) ?? {})) {
    const theirs = (sb.properties as Json | undefined)?.[name];
    if (theirs === undefined) problems.push(`${where}.${name}: property missing`);
    else problems.push(...schemaProblems(official, ours, prop, theirs, `${where}.${name}`, depth + 1, seen));
  }
  if (sa.items !== undefined) problems.push(...schemaProblems(official, ours, sa.items, sb.items, `${where}[]`, depth + 1, seen));
  return problems;
}

function contentSchema(doc: Doc, holder: unknown): unknown {
  const content = (resolve(doc, holder)?.content ?? {}) as Record<string, { schema?: unknown }>;
  return (content['application/json'] ?? Object.values(content)[0])?.schema;
}

/**
 * The static conformance check of the TM Forum kit, focused: for each official operation, what of
 * it is missing or changed in ours — the path, the operation, each parameter (in, required, type),
 * the request body and each response code with its schema (types, required and declared properties).
 * Additions in ours are allowed and not reported. Returns problems per `METHOD /path` (and under
 * `components` for deleted schemas); a conforming document has none. Rules follow the kit's
 * "break" rules (tmforum-apis/APITestEngineStaticCTK, swagger-diff): delete-path/method/response,
 * delete/edit-operation-id, add-required-param, edit-param-in/required/type, delete-definition,
 * edit-object-property-type/required, edit-array-items-type, edit-base-path.
 */
export function conformanceProblems(official: Doc, ours: Doc): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const problemsOfBase = basePath(official) === basePath(ours) ? [] : [`basePath ${basePath(official)} became ${basePath(ours)}`];
  for (const [path, item] of Object.entries(official.paths)) {
    for (const method of METHODS) {
      const a = resolve(official, item[method]);
      if (!a) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const b = resolve(ours, ours.paths[path]?.[method]);
      if (!b) {
        result.set(key, ['operation missing']);
        continue;
      }
      const problems = [...problemsOfBase];
      if (a.operationId !== undefined && a.operationId !== b.operationId) problems.push(`operationId ${String(a.operationId)} became ${String(b.operationId)}`);
      const theirParams = ((b.parameters as unknown[] | undefined) ?? []).map((p) => resolve(ours, p)!);
      for (const p of ((a.parameters as unknown[] | undefined) ?? []).map((x) => resolve(official, x)!)) {
        const where = `parameter ${String(p.in)} ${String(p.name)}`;
        const q = theirParams.find((t) => t.name === p.name && t.in === p.in);
        if (!q) {
          problems.push(`${where}: missing`);
          continue;
        }
        if (p.required === true && q.required !== true) problems.push(`${where}: no longer required`);
        problems.push(...schemaProblems(official, ours, p.schema, q.schema, where, 0, new Set()));
      }
      if (a.requestBody !== undefined) {
        if (b.requestBody === undefined) problems.push('request body missing');
        else {
          if (resolve(official, a.requestBody)?.required === true && resolve(ours, b.requestBody)?.required !== true) problems.push('request body no longer required');
          problems.push(...schemaProblems(official, ours, contentSchema(official, a.requestBody), contentSchema(ours, b.requestBody), 'request body', 0, new Set()));
        }
      }
      const theirResponses = (b.responses ?? {}) as Json;
      for (const [code, response] of Object.entries((a.responses ?? {}) as Json)) {
        if (theirResponses[code] === undefined) problems.push(`response ${code}: missing`);
        else problems.push(...schemaProblems(official, ours, contentSchema(official, response), contentSchema(ours, theirResponses[code]), `response ${code}`, 0, new Set()));
      }
      if (problems.length > 0) result.set(key, problems);
    }
  }
  // The kit's delete-definition rule: every official schema is still defined, whether or not an operation refers to it.
  const ourSchemas = ((ours.components?.schemas ?? {}) as Json);
  const deleted = Object.keys((official.components?.schemas ?? {}) as Json).filter((name) => ourSchemas[name] === undefined);
  if (deleted.length > 0) result.set('components', deleted.map((name) => `schema ${name} deleted`));
  return result;
}
