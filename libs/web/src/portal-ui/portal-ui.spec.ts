import { appendSetCookie, hostCookieName, parseCookieJar, parseCookies, serializeCookie } from './cookies';
import { CsrfProtection } from './csrf';
import { wantsFragment } from './page-or-fragment';
import { SECURITY_HEADERS } from './security-headers';
import { StaticAssets } from './static-assets';

describe('portal-ui helpers', () => {
  it('parses and serialises cookies with the portal attributes', () => {
    expect(parseCookies('a=1; b=x%20y; a=2')).toEqual({ a: '1', b: 'x y' });
    expect(serializeCookie('s', 'v', { maxAgeSeconds: 60, secure: true })).toBe('s=v; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure');
    expect(serializeCookie('s', '', { clear: true })).toBe('s=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax');
    const headers: Record<string, unknown> = {};
    const reply = { getHeader: (n: string) => headers[n], header: (n: string, v: unknown) => (headers[n] = v) };
    appendSetCookie(reply, 'a=1');
    appendSetCookie(reply, 'b=2');
    expect(headers['set-cookie']).toEqual(['a=1', 'b=2']);
  });

  it('reports a cookie sent twice instead of silently picking one', () => {
    const jar = parseCookieJar('s=1; t=2; s=3');
    expect(jar.values).toEqual({ s: '1', t: '2' });
    expect([...jar.duplicates]).toEqual(['s']);
    expect(parseCookieJar('s=1; t=2').duplicates.size).toBe(0);
  });

  it('secure cookies get the __Host- prefix; the plain-http dev mode keeps the bare name', () => {
    expect(hostCookieName('bss_portal_session', true)).toBe('__Host-bss_portal_session');
    expect(hostCookieName('bss_portal_session', false)).toBe('bss_portal_session');
  });

  it('CSRF tokens verify only for their own binding and key', () => {
    const csrf = new CsrfProtection('key-1');
    const secret = CsrfProtection.newSecret();
    const session = { kind: 'session', secret } as const;
    const token = csrf.tokenFor(session);
    expect(csrf.verify(session, token)).toBe(true);
    expect(csrf.verify({ kind: 'session', secret: CsrfProtection.newSecret() }, token)).toBe(false);
    expect(csrf.verify({ kind: 'anonymous', secret }, token)).toBe(false);
    expect(new CsrfProtection('key-2').verify(session, token)).toBe(false);
    expect(csrf.verify(session, undefined)).toBe(false);
    expect(csrf.verify(null, token)).toBe(false);
    expect(csrf.verify(session, secret)).toBe(false);
  });

  it('page vs fragment is decided by HX-Request alone (boosted navigations get pages)', () => {
    expect(wantsFragment({ headers: { 'hx-request': 'true' } })).toBe(true);
    expect(wantsFragment({ headers: {} })).toBe(false);
    expect(wantsFragment({ headers: { 'hx-request': 'true', 'hx-boosted': 'true' } })).toBe(false);
  });

  it('security headers: self-only CSP, no framing, nosniff, referrer policy', () => {
    expect(SECURITY_HEADERS['content-security-policy']).toContain("default-src 'self'");
    expect(SECURITY_HEADERS['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(SECURITY_HEADERS['content-security-policy']).not.toContain('unsafe');
    expect(SECURITY_HEADERS['x-frame-options']).toBe('DENY');
    expect(SECURITY_HEADERS['x-content-type-options']).toBe('nosniff');
  });

  it('vendored htmx 2.0.4 is served with a content-hash version', () => {
    const assets = new StaticAssets();
    expect(assets.names()).toEqual(expect.arrayContaining(['htmx.min.js', 'portal.css', 'replay.js']));
    expect(assets.url('htmx.min.js')).toMatch(/^\/static\/htmx\.min\.js\?v=[0-9a-f]{10}$/);
    expect(assets.get('htmx.min.js')!.body.toString('utf8')).toContain('version:"2.0.4"');
  });
});
