import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'bss_portal_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * What templates receive as `csrfToken`. The responder swaps it for the real token only when the
 * rendered HTML contains it (a form, or the signed-in page's HTMX header), so a page without a form
 * costs no secret, no HMAC and no Set-Cookie. Only URL-safe characters: escaping leaves it intact.
 */
export const CSRF_TOKEN_SLOT = 'bss-csrf-token-slot-7d41c09e';

/**
 * Signed double-submit: the browser holds a random secret in an HttpOnly cookie; every form (and
 * HTMX, as a header) carries HMAC(key, secret). A cross-site page can neither read the cookie
 * nor compute the token, and a cookie planted from a sibling domain is useless without the key.
 */
export class CsrfProtection {
  constructor(private readonly key: Buffer | string) {}

  static newSecret(): string {
    return randomBytes(24).toString('base64url');
  }

  tokenFor(secret: string): string {
    return createHmac('sha256', this.key).update(`csrf:${secret}`).digest('base64url');
  }

  verify(secret: string | undefined, presented: string | undefined): boolean {
    if (!secret || !presented) return false;
    const expected = Buffer.from(this.tokenFor(secret));
    const given = Buffer.from(presented);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
