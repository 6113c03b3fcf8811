import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The anonymous visitor's CSRF secret cookie (before the `__Host-` prefix, see `hostCookieName`). */
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
 * What a token is bound to. A signed-in request is bound to its server-side session (the secret
 * is stored with the session: a synchronizer token); an anonymous one to the random secret in its
 * HttpOnly cookie. The kind is part of the MAC, so an anonymous pair never passes on a session.
 */
export interface CsrfBinding {
  kind: 'session' | 'anonymous';
  secret: string;
}

/**
 * Every form (and HTMX, as a header) carries HMAC(key, binding). A cross-site page can neither
 * read the cookie nor compute the token; a pair planted from a sibling domain or minted in another
 * browser is bound to a different secret, and one minted before sign-in stops working after it.
 */
export class CsrfProtection {
  constructor(private readonly key: Buffer | string) {}

  static newSecret(): string {
    return randomBytes(24).toString('base64url');
  }

  tokenFor(binding: CsrfBinding): string {
    return createHmac('sha256', this.key).update(`csrf:${binding.kind}:${binding.secret}`).digest('base64url');
  }

  verify(binding: CsrfBinding | null, presented: string | undefined): boolean {
    if (!binding?.secret || !presented) return false;
    const expected = Buffer.from(this.tokenFor(binding));
    const given = Buffer.from(presented);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
