import { Injectable } from '@nestjs/common';
import { Clock, Database, NotFound } from '@bss/platform';
import type { IdentityStatus, StepUpLabel } from '#identity/domain/identity.values';

export interface IdentityView {
  id: string;
  email: string;
  customerId: string | null;
  status: IdentityStatus;
  emailVerifiedAt: Date | null;
  createdAt: Date;
  lastLoginAt: Date | null;
}

export interface PendingEmailChangeView {
  id: string;
  newEmail: string;
  issuedAt: Date;
  expiresAt: Date;
}

export interface PortalActionView {
  ts: Date;
  customerId: string | null;
  identityId: string | null;
  action: string;
  route: string;
  method: string;
  success: boolean;
  errorRule: string | null;
  stepUpConsumed: boolean;
}

export interface LoginAttemptView {
  email: string | null;
  ip: string | null;
  ts: Date;
  outcome: string;
  stage: string;
}

@Injectable()
export class IdentityQueries {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<IdentityView> {
    const [row] = await this.db.query<Record<string, unknown>>(`select * from portal_auth.identity where id = $1`, [id]);
    if (!row) throw new NotFound('identity', id);
    return toIdentityView(row);
  }

  async findByEmail(email: string): Promise<IdentityView | null> {
    const [row] = await this.db.query<Record<string, unknown>>(`select * from portal_auth.identity where email = $1 and status <> 'deleted'`, [email.trim().toLowerCase()]);
    return row ? toIdentityView(row) : null;
  }

  /** The live pending email change of an identity, if any (an expired one is not live). */
  async pendingEmailChange(identityId: string): Promise<PendingEmailChangeView | null> {
    const now = await this.clock.now();
    const [row] = await this.db.query<{ id: string; new_email: string; issued_at: Date; expires_at: Date }>(
      `select id, new_email, issued_at, expires_at from portal_auth.email_change_pending
        where identity_id = $1 and status = 'pending' and expires_at > $2 order by issued_at desc limit 1`,
      [identityId, now],
    );
    return row ? { id: row.id, newEmail: row.new_email, issuedAt: row.issued_at, expiresAt: row.expires_at } : null;
  }

  /** Whether a session already holds an unspent grant for `label` (shown before a card form; never consumes it). */
  async hasLiveGrant(identityId: string, sessionId: string, label: StepUpLabel): Promise<boolean> {
    const now = await this.clock.now();
    const rows = await this.db.query(
      `select 1 from portal_auth.login_token where identity_id = $1 and session_id = $2 and kind = 'step_up_grant' and action_label = $3 and consumed_at is null and expires_at > $4 limit 1`,
      [identityId, sessionId, label, now],
    );
    return rows.length > 0;
  }

  async portalActions(filter: { customerId?: string; identityId?: string; limit?: number } = {}): Promise<PortalActionView[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `select * from portal_auth.portal_action where ($1::text is null or customer_id = $1) and ($2::text is null or identity_id = $2) order by id desc limit $3`,
      [filter.customerId ?? null, filter.identityId ?? null, filter.limit ?? 50],
    );
    return rows.map((r) => ({
      ts: r.ts as Date,
      customerId: r.customer_id as string | null,
      identityId: r.identity_id as string | null,
      action: r.action as string,
      route: r.route as string,
      method: r.method as string,
      success: r.success as boolean,
      errorRule: r.error_rule as string | null,
      stepUpConsumed: r.step_up_consumed as boolean,
    }));
  }

  async loginAttempts(filter: { email?: string; stage?: string; limit?: number } = {}): Promise<LoginAttemptView[]> {
    const rows = await this.db.query<LoginAttemptView>(
      `select email, ip, ts, outcome, stage from portal_auth.login_attempt where ($1::text is null or email = $1) and ($2::text is null or stage = $2) order by id desc limit $3`,
      [filter.email ?? null, filter.stage ?? null, filter.limit ?? 50],
    );
    return rows;
  }
}

function toIdentityView(r: Record<string, unknown>): IdentityView {
  return {
    id: r.id as string,
    email: r.email as string,
    customerId: r.customer_id as string | null,
    status: r.status as IdentityStatus,
    emailVerifiedAt: r.email_verified_at as Date | null,
    createdAt: r.created_at as Date,
    lastLoginAt: r.last_login_at as Date | null,
  };
}
