/** String fields of a urlencoded body (repeated keys: the last wins). Shared by the portal and the cockpit. */
export function formOf(req: { body?: unknown }): Record<string, string> {
  const out: Record<string, string> = {};
  const body = req.body;
  if (!body || typeof body !== 'object') return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && typeof value[value.length - 1] === 'string') out[key] = value[value.length - 1] as string;
  }
  return out;
}
