/**
 * Where to go after login or step-up: only a same-origin path. Anything that could leave the site
 * (`//evil.com`, `https://x`, `/\evil`, header injection) becomes `/`.
 */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw.includes('://') || raw.includes('\\') || /[\r\n\t\0]/.test(raw)) return '/';
  return raw;
}
