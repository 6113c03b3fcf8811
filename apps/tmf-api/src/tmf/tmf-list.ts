import type { FastifyReply } from 'fastify';
import { InvalidInput } from '@bss/platform';

/** Query keys that steer a TMF list instead of filtering it (TMF630 §5). */
const CONTROL_KEYS = new Set(['fields', 'offset', 'limit', 'sort']);
/** Always kept by `fields=`: a resource without them cannot be followed. */
const IDENTITY_KEYS = ['id', 'href', '@type'];

export type TmfQuery = Record<string, string | string[] | undefined>;
type Resource = Record<string, unknown>;
/** Every TMF resource carries these (TMF630). */
export type TmfResource = Resource & { id: string; href: string; '@type': string };

function single(query: TmfQuery, key: string): string | undefined {
  const value = query[key];
  return Array.isArray(value) ? value[0] : value;
}

function nonNegativeInt(query: TmfQuery, key: string): number | undefined {
  const raw = single(query, key);
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,9}$/.test(raw)) throw new InvalidInput([{ field: key, messages: [`${key} must be a non-negative integer`] }]);
  return Number(raw);
}

function valuesAt(resource: unknown, path: string[]): unknown[] {
  if (path.length === 0) return Array.isArray(resource) ? resource : [resource];
  if (Array.isArray(resource)) return resource.flatMap((item) => valuesAt(item, path));
  if (resource === null || typeof resource !== 'object') return [];
  return valuesAt((resource as Resource)[path[0]], path.slice(1));
}

/** `name=PLAN_M`, `relatedParty.id=CUST-…`, `state=completed,failed`: equality on simple attributes, dotted paths into arrays. */
export function matchesFilters(resource: Resource, query: TmfQuery): boolean {
  return Object.entries(query).every(([key, raw]) => {
    if (CONTROL_KEYS.has(key) || raw === undefined) return true;
    const wanted = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(','));
    return valuesAt(resource, key.split('.')).some((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && wanted.includes(String(v)));
  });
}

/** `fields=name,lifecycleStatus`: the named top-level attributes plus id, href and @type. */
export function selectFields<T extends Resource>(resource: T, query: TmfQuery): Partial<T> {
  const fields = single(query, 'fields');
  if (!fields) return resource;
  const keep = new Set([...IDENTITY_KEYS, ...fields.split(',').map((f) => f.trim().split('.')[0])]);
  return Object.fromEntries(Object.entries(resource).filter(([key]) => keep.has(key))) as Partial<T>;
}

/** Filters, pages and projects a list: the page and how many matched in all. */
export function listPage<T extends Resource>(all: readonly T[], query: TmfQuery): { page: Partial<T>[]; total: number } {
  const offset = nonNegativeInt(query, 'offset') ?? 0;
  const limit = nonNegativeInt(query, 'limit');
  const matching = all.filter((r) => matchesFilters(r, query));
  const page = matching.slice(offset, limit === undefined ? undefined : offset + limit);
  return { page: page.map((r) => selectFields(r, query)), total: matching.length };
}

/** Filters, pages and projects a list, and sets `X-Total-Count` / `X-Result-Count`. */
export function tmfList<T extends Resource>(reply: FastifyReply, all: readonly T[], query: TmfQuery): Partial<T>[] {
  const { page, total } = listPage(all, query);
  void reply.header('X-Total-Count', String(total)).header('X-Result-Count', String(page.length));
  return page;
}

/** 201 with `Location` pointing at the created resource's href. */
export function created<T extends { href: string }>(reply: FastifyReply, resource: T): T {
  void reply.status(201).header('Location', resource.href);
  return resource;
}

/** A JSON object body, or a 400 naming what was sent instead. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new InvalidInput([{ field: 'body', messages: ['the body must be a JSON object'] }]);
  return body as Record<string, unknown>;
}

/** TMF dates: ISO strings, and absent rather than null (the official schemas type them as strings). */
export function isoOrAbsent(date: Date | null | undefined): string | undefined {
  return date ? date.toISOString() : undefined;
}

/** Drops undefined-valued keys so a resource carries only attributes it has. */
export function compact<T extends Resource>(resource: T): T {
  return Object.fromEntries(Object.entries(resource).filter(([, v]) => v !== undefined)) as T;
}
