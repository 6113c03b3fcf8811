import { Inject, Injectable } from '@nestjs/common';
import { Clock, Database } from '@bss/platform';
import { IDENTITY_CONFIG, type IdentityConfig } from '#identity/identity.config';
import type { OperatorRole } from '#identity/domain/operator.values';
import { sha256Hex } from '#identity/domain/tokens';
import { isSessionToken, touchSession } from './session.commands';

/** The operator behind a cockpit session cookie. */
export interface ResolvedOperatorSession {
  sessionId: string;
  identityId: string;
  operatorId: string;
  email: string;
  name: string;
  role: OperatorRole;
  issuedAt: Date;
  /** Old enough (≥ TTL/2) to be swapped for a fresh one on this request. */
  dueForRotation: boolean;
  /** What the cockpit derives this session's CSRF token from (kept across rotation). */
  csrfSecret: string;
}

interface OperatorSessionRow {
  id: string;
  identity_id: string;
  issued_at: Date;
  last_seen_at: Date;
  csrf_secret: string;
  operator_id: string;
  email: string;
  name: string;
  role: OperatorRole;
}


/**
 * Turns the cockpit's session cookie into the signed-in operator. Only sessions opened for the
 * cockpit count, and only while the operator behind the email is active: `bss operator disable`
 * ends every session they hold on the next request. Not a domain write: the only side effect is
 * the throttled last_seen_at bump.
 */
@Injectable()
export class OperatorSessionResolver {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async resolve(token: string | undefined): Promise<ResolvedOperatorSession | null> {
    if (!isSessionToken(token)) return null;
    const now = await this.clock.now();
    // Prepared: every cockpit request runs this first.
    const [row] = await this.db.prepared<OperatorSessionRow>(
      `select s.id, s.identity_id, s.issued_at, s.last_seen_at, s.csrf_secret, o.id as operator_id, o.email, o.name, o.role
         from portal_auth.session s
         join portal_auth.identity i on i.id = s.identity_id
         join portal_auth.operator o on o.email = i.email and o.tenant_id = i.tenant_id
        where s.token_hash = $1 and s.audience = 'cockpit' and s.revoked_at is null and s.expires_at > $2
          and i.status <> 'deleted' and o.status = 'active'`,
      [sha256Hex(token), now],
    );
    if (!row) return null;
    const { dueForRotation } = await touchSession(this.db, this.config, row, now);
    return {
      sessionId: row.id,
      identityId: row.identity_id,
      operatorId: row.operator_id,
      email: row.email,
      name: row.name,
      role: row.role,
      issuedAt: row.issued_at,
      dueForRotation,
      csrfSecret: row.csrf_secret,
    };
  }
}
