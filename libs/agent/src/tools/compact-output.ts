/**
 * What a tool result costs the model: nulls, empty strings, empty arrays and empty objects carry
 * no information, so they are dropped (TW `strip-empty-values`). The surface keeps the full result.
 */
export function compactForModel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compactForModel).filter((v) => v !== undefined);
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => [key, compactForModel(inner)] as const)
    .filter(([, inner]) => inner !== undefined && !(Array.isArray(inner) && inner.length === 0) && !(isPlainObject(inner) && Object.keys(inner).length === 0));
  return Object.fromEntries(entries);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
