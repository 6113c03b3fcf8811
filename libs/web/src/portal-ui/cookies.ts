/** A Cookie header's values, and the names sent more than once (which a gate must not guess between). */
export interface CookieJar {
  values: Record<string, string>;
  duplicates: ReadonlySet<string>;
}

/** Minimal RFC 6265 cookie handling: the portal needs only a few first-party cookies. */
export function parseCookieJar(header: string | string[] | undefined): CookieJar {
  const values: Record<string, string> = {};
  const duplicates = new Set<string>();
  const text = Array.isArray(header) ? header.join('; ') : header;
  if (!text) return { values, duplicates };
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name) continue;
    if (name in values) {
      duplicates.add(name);
      continue;
    }
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      values[name] = decodeURIComponent(raw);
    } catch {
      values[name] = raw;
    }
  }
  return { values, duplicates };
}

/** The values alone (a repeated name keeps its first value); security cookies go through `parseCookieJar`. */
export function parseCookies(header: string | string[] | undefined): Record<string, string> {
  return parseCookieJar(header).values;
}

/**
 * `__Host-<name>`: the browser accepts it only from a secure origin, host-only, with Path=/, so a
 * sibling subdomain or a plain-http response cannot plant or shadow it. Over plain http (the
 * `BSS_PORTAL_DEV_INSECURE_COOKIE=1` development mode) a browser drops `__Host-` cookies, which
 * require Secure, so the plain name is used there.
 */
export function hostCookieName(name: string, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}

export interface CookieOptions {
  maxAgeSeconds?: number;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'Lax' | 'Strict';
  path?: string;
  /** Clears the cookie: Max-Age=0 plus an epoch Expires for old clients. */
  clear?: boolean;
}

export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const parts = [`${name}=${options.clear ? '' : encodeURIComponent(value)}`, `Path=${options.path ?? '/'}`];
  if (options.clear) parts.push('Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  else if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAgeSeconds)}`);
  if (options.httpOnly ?? true) parts.push('HttpOnly');
  parts.push(`SameSite=${options.sameSite ?? 'Lax'}`);
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** Appends a Set-Cookie without dropping ones set earlier in the request. */
export function appendSetCookie(reply: { getHeader(name: string): unknown; header(name: string, value: unknown): unknown }, cookie: string): void {
  const existing = reply.getHeader('set-cookie');
  const list = existing === undefined ? [] : Array.isArray(existing) ? (existing as string[]) : [String(existing)];
  reply.header('set-cookie', [...list, cookie]);
}
