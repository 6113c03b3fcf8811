import { flashTextOf } from './cockpit-exception.filter';

/** One panel's data, or why it could not be read: a failing context greys out its panel alone. */
export type Panel<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Reads fan out in parallel (§4.2) and each panel degrades alone: every read settles, and a
 * rejection becomes that panel's error text instead of failing the page.
 */
export async function panels<T extends readonly unknown[]>(reads: { [K in keyof T]: Promise<T[K]> }): Promise<{ [K in keyof T]: Panel<T[K]> }> {
  const settled = await Promise.allSettled(reads as readonly Promise<unknown>[]);
  return settled.map((s) => (s.status === 'fulfilled' ? { ok: true, value: s.value } : { ok: false, error: flashTextOf(s.reason) })) as { [K in keyof T]: Panel<T[K]> };
}
