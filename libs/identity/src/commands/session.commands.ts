import { Inject, Injectable } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { Clock, Database, validateInput, Verb } from '@bss/platform';
import { IDENTITY_CONFIG, type IdentityConfig } from '#identity/identity.config';
import type { IdentityStatus } from '#identity/domain/identity.values';
import { sha256Hex } from '#identity/domain/tokens';
import { PortalSessionEntity } from '#identity/domain/portal-session.entity';
import { SessionIssuer, type IssuedSession } from './session-issuer';

export interface ResolvedSession {
  sessionId: string;
  identityId: string;
  email: string;
  identityStatus: IdentityStatus;
  customerId: string | null;
  emailVerified: boolean;
  issuedAt: Date;
  expiresAt: Date;
  /** Old enough (≥ TTL/2) to be swapped for a fresh one on this request. */
  dueForRotation: boolean;
  /** What the portal derives this session's CSRF token from (kept across rotation). */
  csrfSecret: string;
}

interface SessionRow {
  id: string;
  identity_id: string;
  issued_at: Date;
  expires_at: Date;
  last_seen_at: Date;
  email: string;
  status: IdentityStatus;
  customer_id: string | null;
  email_verified_at: Date | null;
  csrf_secret: string;
}

const TOKEN = /^[A-Za-z0-9_-]{32}$/;
/** last_seen_at is bookkeeping: refreshed at most once a minute per session. */
const TOUCH_EVERY_MS = 60_000;

/** A cookie value shaped like a session token (anything else never reaches the database). */
export function isSessionToken(token: string | undefined): token is string {
  return token !== undefined && TOKEN.test(token);
}

/**
 * What every audience's resolver does once its session row is found: the throttled last_seen_at
 * bump, and whether the session is past half its life (the gate then rotates it).
 */
export async function touchSession(db: Database, config: IdentityConfig, row: { id: string; issued_at: Date; last_seen_at: Date }, now: Date): Promise<{ dueForRotation: boolean }> {
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.query(`update portal_auth.session set last_seen_at = $2 where id = $1`, [row.id, now]);
  }
  return { dueForRotation: now.getTime() - row.issued_at.getTime() >= (config.sessionTtlSeconds * 1000) / 2 };
}

/**
 * Turns the cookie's token into the signed-in identity. Missing, revoked and expired sessions and
 * deleted identities resolve to nothing. Not a domain write: the only side effect is the
 * throttled last_seen_at bump.
 */
@Injectable()
export class SessionResolver {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async resolve(token: string | undefined): Promise<ResolvedSession | null> {
    if (!isSessionToken(token)) return null;
    const now = await this.clock.now();
    // Prepared: every signed-in portal request runs this first.
    const [row] = await this.db.prepared<SessionRow>(
      `select s.id, s.identity_id, s.issued_at, s.expires_at, s.last_seen_at, s.csrf_secret, i.email, i.status, i.customer_id, i.email_verified_at
         from portal_auth.session s join portal_auth.identity i on i.id = s.identity_id
        where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2 and i.status <> 'deleted' and s.audience = 'portal'`,
      [sha256Hex(token), now],
    );
    if (!row) return null;
    const { dueForRotation } = await touchSession(this.db, this.config, row, now);
    return {
      sessionId: row.id,
      identityId: row.identity_id,
      email: row.email,
      identityStatus: row.status,
      customerId: row.customer_id,
      emailVerified: row.email_verified_at !== null,
      issuedAt: row.issued_at,
      expiresAt: row.expires_at,
      dueForRotation,
      csrfSecret: row.csrf_secret,
    };
  }
}

export class SessionIdInput {
  @IsString() @Matches(/^SES-[0-9a-f]{16}$/) sessionId!: string;
}

/**
 * `session.rotate`: a fresh session replaces one past half its life; the old id stops working at
 * once. The CSRF secret moves with it, so forms already open in that browser still submit.
 */
@Verb({ name: 'session.rotate', input: SessionIdInput, summary: 'Replaces a portal session past half its life with a fresh one', cliExempt: 'the portal gate rotates the session cookie of the request it is serving' })
@Injectable()
export class RotateSessionCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly issuer: SessionIssuer,
  ) {}

  async execute(input: SessionIdInput): Promise<IssuedSession | null> {
    const dto = await validateInput(SessionIdInput, input);
    return this.uow.run(async (w) => {
      const old = await w.tx.findOne(PortalSessionEntity, { where: { id: dto.sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!old || old.revokedAt || old.expiresAt <= w.now) return null;
      old.revokedAt = w.now;
      old.revokedReason = 'rotated';
      await w.tx.save(old);
      const fresh = await this.issuer.issue(w, old.identityId, old.csrfSecret, old.audience);
      await w.emit({ eventType: 'session.rotated', aggregateType: 'identity', aggregateId: old.identityId, payload: { from: old.id, to: fresh.sessionId } });
      return fresh;
    });
  }
}

/** `session.revoke` (sign out): idempotent. */
@Verb({ name: 'session.revoke', input: SessionIdInput, summary: 'Ends a portal session (sign out)', cliExempt: 'sign-out of the browser holding the session cookie' })
@Injectable()
export class RevokeSessionCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: SessionIdInput): Promise<void> {
    const dto = await validateInput(SessionIdInput, input);
    await this.uow.run(async (w) => {
      const session = await w.tx.findOne(PortalSessionEntity, { where: { id: dto.sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session || session.revokedAt) return;
      session.revokedAt = w.now;
      session.revokedReason = 'logout';
      await w.tx.save(session);
      await w.emit({ eventType: 'session.revoked', aggregateType: 'identity', aggregateId: session.identityId, payload: { sessionId: session.id, reason: 'logout' } });
    });
  }
}
