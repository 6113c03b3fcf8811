import { Inject, Injectable } from '@nestjs/common';
import type { WriteScope } from '@bss/audit';
import { IDENTITY_CONFIG, type IdentityConfig } from '#identity/identity.config';
import type { LoginAudience } from '#identity/domain/operator.values';
import { longId, newUrlToken, sha256Hex } from '#identity/domain/tokens';

export interface IssuedSession {
  sessionId: string;
  /** Plaintext, for the cookie only; the table keeps its SHA-256. */
  token: string;
  expiresAt: Date;
  /** Server-side only: the portal derives the session's CSRF token from it. */
  csrfSecret: string;
}

/**
 * Session tokens are 192 random bits, so a plain SHA-256 protects a leaked table; unlike the
 * short codes they are not keyed by the pepper, and rotating the pepper signs nobody out.
 */
@Injectable()
export class SessionIssuer {
  constructor(@Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig) {}

  /**
   * `csrfSecret` carries the CSRF binding over a rotation (same browser, same open forms); a new
   * sign-in gets a fresh one, so nothing minted before it passes afterwards.
   */
  async issue(w: WriteScope, identityId: string, csrfSecret: string = newUrlToken(), audience: LoginAudience = 'portal'): Promise<IssuedSession> {
    const token = newUrlToken();
    const sessionId = longId('SES');
    const expiresAt = new Date(w.now.getTime() + this.config.sessionTtlSeconds * 1000);
    await w.tx.query(
      `insert into portal_auth.session (id, token_hash, identity_id, issued_at, expires_at, last_seen_at, csrf_secret, tenant_id, audience) values ($1, $2, $3, $4, $5, $4, $6, $7, $8)`,
      [sessionId, sha256Hex(token), identityId, w.now, expiresAt, csrfSecret, w.auth.tenant, audience],
    );
    return { sessionId, token, expiresAt, csrfSecret };
  }
}
