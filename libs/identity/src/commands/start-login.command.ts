import { Inject, Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { EmailOutbox } from '@bss/notifications';
import { IDENTITY_CONFIG, type IdentityConfig } from '#identity/identity.config';
import { IdentityEntity } from '#identity/domain/identity.entity';
import { OperatorEntity } from '#identity/domain/operator.entity';
import { LOGIN_AUDIENCES, type LoginAudience } from '#identity/domain/operator.values';
import { longId, newOtp, newUrlToken, TokenHasher } from '#identity/domain/tokens';
import { normaliseEmail } from '#identity/policies/login.policies';
import { safeNextPath } from '#identity/policies/next-url.policies';
import { isRateLimited } from '#identity/policies/rate-limit.policies';
import { countAttempts, lockAttemptKey, recordAttempt } from './attempt-log';

export class StartLoginInput {
  @IsString() @MaxLength(254) email!: string;
  @IsOptional() @IsString() @MaxLength(64) ip?: string;
  /** Carried into the magic link so it lands where the customer was going. */
  @IsOptional() @IsString() @MaxLength(2000) next?: string;
  /** `cockpit`: an operator signing in to :9002 (default `portal`, a customer). */
  @IsOptional() @IsIn(LOGIN_AUDIENCES) audience?: LoginAudience;
}

export type StartLoginResult = { status: 'sent'; email: string } | { status: 'rate_limited'; email: string; scope: 'email' | 'ip' };

/**
 * `login.start`: find or create the identity, mail a 6-digit code and a magic link (siblings of
 * one batch, same expiry). Older codes stay valid. Rate-limited per email and per IP, counted in
 * Postgres; a refused start is itself recorded.
 */
@Verb({ name: 'login.start', input: StartLoginInput, summary: 'Emails a one-time sign-in code and magic link to a portal identity', cliExempt: 'portal sign-in of the person at the browser; operators never sign in for a customer' })
@Injectable()
export class StartLoginCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: EmailOutbox,
    private readonly hasher: TokenHasher,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(input: StartLoginInput): Promise<StartLoginResult> {
    const email = normaliseEmail(input?.email);
    const dto = await validateInput(StartLoginInput, { ...input, email });
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: StartLoginInput): Promise<StartLoginResult> {
    const email = dto.email;
    const ip = dto.ip ?? 'unknown';
    await lockAttemptKey(w.tx, 'login_start', `email:${email}`);
    await lockAttemptKey(w.tx, 'login_start', `ip:${ip}`);
    const perEmail = await countAttempts(w.tx, 'login_start', { email }, this.config.limits.loginPerEmail);
    const perIp = await countAttempts(w.tx, 'login_start', { ip }, this.config.limits.loginPerIp);
    const scope = isRateLimited(perEmail, this.config.limits.loginPerEmail) ? 'email' : isRateLimited(perIp, this.config.limits.loginPerIp) ? 'ip' : null;
    if (scope) {
      await recordAttempt(w.tx, w.auth.tenant, 'login_start', 'rate_limited', { email, ip });
      await w.emit({ eventType: 'login.rate_limited', aggregateType: 'identity', aggregateId: email, payload: { stage: 'login_start', scope } });
      return { status: 'rate_limited', email, scope };
    }

    const audience = dto.audience ?? 'portal';
    // The cockpit mails a code only to an active operator; anyone else sees the same "check your
    // email" page (no hint whether the address is an operator's) and no mail leaves.
    if (audience === 'cockpit') {
      const operator = await w.tx.findOne(OperatorEntity, { where: { email, tenantId: w.auth.tenant, status: 'active' } });
      if (!operator) {
        await recordAttempt(w.tx, w.auth.tenant, 'login_start', 'no_such_identity', { email, ip });
        return { status: 'sent', email };
      }
    }

    let identity = await w.tx.findOne(IdentityEntity, { where: { email, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
    if (identity?.status === 'deleted') identity = null;
    if (!identity) {
      identity = w.tx.create(IdentityEntity, {
        id: longId('IDN'),
        email,
        customerId: null,
        emailVerifiedAt: null,
        status: 'unverified',
        createdAt: w.now,
        lastLoginAt: null,
        tenantId: w.auth.tenant,
      });
      await w.tx.save(identity);
      await w.emit({ eventType: 'identity.created', aggregateType: 'identity', aggregateId: identity.id, payload: { status: 'unverified' } });
    }

    const otp = newOtp();
    const link = newUrlToken();
    const batch = longId('LTB');
    const expiresAt = new Date(w.now.getTime() + this.config.loginTokenTtlSeconds * 1000);
    for (const [kind, value] of [['otp', otp], ['magic_link', link]] as const) {
      await w.tx.query(
        `insert into portal_auth.login_token (id, identity_id, kind, code_hash, batch_id, issued_at, expires_at, tenant_id, audience) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [longId('LTK'), identity.id, kind, this.hasher.hash(kind, identity.id, value), batch, w.now, expiresAt, w.auth.tenant, audience],
      );
    }
    await recordAttempt(w.tx, w.auth.tenant, 'login_start', 'issued', { email, ip });
    await w.emit({ eventType: 'login.started', aggregateType: 'identity', aggregateId: identity.id, payload: { expiresAt: expiresAt.toISOString() } });

    const query = new URLSearchParams({ email, token: link });
    const next = safeNextPath(dto.next);
    if (next !== '/') query.set('next', next);
    const publicUrl = audience === 'cockpit' ? this.config.cockpitPublicUrl : this.config.publicUrl;
    const url = `${publicUrl}/auth/verify?${query.toString()}`;
    const minutes = Math.round(this.config.loginTokenTtlSeconds / 60);
    await this.outbox.send(w, {
      to: email,
      subject: audience === 'cockpit' ? `Your cockpit sign-in code: ${otp}` : `Your sign-in code: ${otp}`,
      kind: audience === 'cockpit' ? 'cockpit.login' : 'portal.login',
      body: `Your sign-in code is ${otp}\n\nOr open this link to sign in:\n${url}\n\nBoth work once and expire in ${minutes} minutes. If you did not ask to sign in, ignore this email.`,
    });
    return { status: 'sent', email };
  }
}
