import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Inject } from '@nestjs/common';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CustomerQueries } from '@bss/crm';
import { InvalidInput, validateInput, Verb } from '@bss/platform';
import { IDENTITY_CONFIG, type IdentityConfig } from '#identity/identity.config';
import { IdentityEntity } from '#identity/domain/identity.entity';
import { nextIdentityStatus } from '#identity/domain/identity.state';
import { LoginTokenEntity } from '#identity/domain/login-token.entity';
import { OperatorEntity } from '#identity/domain/operator.entity';
import { LOGIN_AUDIENCES, type LoginAudience } from '#identity/domain/operator.values';
import type { AttemptOutcome } from '#identity/domain/identity.values';
import { TokenHasher } from '#identity/domain/tokens';
import { judgeCode, normaliseEmail } from '#identity/policies/login.policies';
import { isRateLimited } from '#identity/policies/rate-limit.policies';
import { countAttempts, lockAttemptKey, recordAttempt } from './attempt-log';
import { SessionIssuer } from './session-issuer';

export class VerifyLoginInput {
  @IsString() @MaxLength(254) email!: string;
  /** The 6-digit code from the email… */
  @IsOptional() @IsString() @Matches(/^\d{6}$/, { message: 'code must be the 6 digits from the email' }) code?: string;
  /** …or the magic link's token. */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]{32}$/, { message: 'token is not a sign-in link token' }) token?: string;
  @IsOptional() @IsString() @MaxLength(64) ip?: string;
  /** `cockpit`: only codes mailed for the cockpit count, and the session opens the cockpit only. */
  @IsOptional() @IsIn(LOGIN_AUDIENCES) audience?: LoginAudience;
}

/**
 * What counts against the verify limits: failed checks only. A success spends its tokens, so it
 * guesses nothing; refused (rate-limited) attempts are logged but not counted either, so
 * hammering a locked key does not extend the lock.
 */
const VERIFY_FAILURES = ['no_such_identity', 'no_active_token', 'expired', 'wrong_code'] as const satisfies readonly AttemptOutcome[];

export type VerifyLoginFailure = 'no_such_identity' | 'no_active_token' | 'expired' | 'wrong_code';

export type VerifyLoginResult =
  | { status: 'ok'; sessionId: string; sessionToken: string; sessionExpiresAt: Date; identityId: string; customerId: string | null; linked: boolean }
  | { status: 'failed'; reason: VerifyLoginFailure }
  | { status: 'rate_limited' };

/**
 * `login.verify`: a code or a magic link. Every outcome is an attempt row; after 10 failures per
 * (email, IP) or 50 per email in 15 wall-clock minutes, 429 even for a right code. Success
 * consumes the matched token AND its sibling, stamps the email verified, auto-links the identity
 * to the one CRM customer whose live email it is, and opens a server-side session.
 */
@Verb({ name: 'login.verify', input: VerifyLoginInput, summary: 'Turns a valid sign-in code or magic link into a portal session', cliExempt: 'portal sign-in of the person at the browser; the code only reaches their inbox' })
@Injectable()
export class VerifyLoginCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: TokenHasher,
    private readonly sessions: SessionIssuer,
    private readonly customers: CustomerQueries,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(input: VerifyLoginInput): Promise<VerifyLoginResult> {
    const email = normaliseEmail(input?.email);
    const dto = await validateInput(VerifyLoginInput, { ...input, email, code: input?.code?.replace(/\s+/g, '') || undefined });
    if (!dto.code === !dto.token) throw new InvalidInput([{ field: 'code', messages: ['give the 6-digit code or open the link'] }]);
    // Read before the transaction: the CRM lookup needs no lock and keeps the write short.
    // An operator's sign-in never links a customer: the cockpit session acts as the operator.
    const linkable = dto.audience === 'cockpit' ? null : await this.customers.findByEmail(email);
    return this.uow.run((w) => this.executeIn(w, dto, linkable && linkable.status !== 'closed' ? linkable.id : null));
  }

  private async executeIn(w: WriteScope, dto: VerifyLoginInput, linkableCustomerId: string | null): Promise<VerifyLoginResult> {
    const email = dto.email;
    const ip = dto.ip ?? 'unknown';
    await lockAttemptKey(w.tx, 'login_verify', `email:${email}`);
    // Two limits: one per (email, IP), so a stranger guessing from elsewhere cannot lock the owner
    // out, and a higher one per email, so spreading guesses over many IPs still stops somewhere.
    const limits = this.config.limits;
    const fromHere = await countAttempts(w.tx, 'login_verify', { email, ip }, limits.verifyPerEmailIp, VERIFY_FAILURES);
    const everywhere = await countAttempts(w.tx, 'login_verify', { email }, limits.verifyPerEmail, VERIFY_FAILURES);
    if (isRateLimited(fromHere, limits.verifyPerEmailIp) || isRateLimited(everywhere, limits.verifyPerEmail)) {
      await recordAttempt(w.tx, w.auth.tenant, 'login_verify', 'rate_limited', { email, ip });
      return { status: 'rate_limited' };
    }
    const fail = async (reason: VerifyLoginFailure): Promise<VerifyLoginResult> => {
      await recordAttempt(w.tx, w.auth.tenant, 'login_verify', reason, { email, ip });
      return { status: 'failed', reason };
    };

    const identity = await w.tx.findOne(IdentityEntity, { where: { email, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
    if (!identity || identity.status === 'deleted') return fail('no_such_identity');
    const audience = dto.audience ?? 'portal';
    if (audience === 'cockpit' && !(await w.tx.exists(OperatorEntity, { where: { email, tenantId: w.auth.tenant, status: 'active' } }))) return fail('no_such_identity');
    const kind = dto.code ? 'otp' : 'magic_link';
    const value = dto.code ?? dto.token ?? '';
    const candidates = await w.tx.find(LoginTokenEntity, { where: { identityId: identity.id, kind, audience }, order: { issuedAt: 'DESC' }, take: 20 });
    const judgement = judgeCode(candidates, w.now, (hash) => this.hasher.matches(hash, kind, identity.id, value));
    if (judgement.outcome !== 'success') return fail(judgement.outcome);

    // The OTP and the link of one email are one credential: using either spends both.
    await w.tx.query(`update portal_auth.login_token set consumed_at = $1 where consumed_at is null and (id = $2 or (batch_id is not null and batch_id = $3))`, [
      w.now,
      judgement.token.id,
      judgement.token.batchId,
    ]);
    const before = identity.status;
    identity.emailVerifiedAt ??= w.now;
    identity.lastLoginAt = w.now;
    if (identity.customerId === null && linkableCustomerId) {
      identity.status = nextIdentityStatus(identity, 'link_customer');
      identity.customerId = linkableCustomerId;
      await w.emit({ eventType: 'identity.linked', aggregateType: 'identity', aggregateId: identity.id, payload: { customerId: linkableCustomerId, via: 'login_email_match' } });
    } else if (identity.status === 'unverified') {
      identity.status = nextIdentityStatus(identity, 'verify_email');
    }
    await w.tx.save(identity);
    const session = await this.sessions.issue(w, identity.id, undefined, audience);
    await recordAttempt(w.tx, w.auth.tenant, 'login_verify', 'success', { email, ip });
    await w.emit({
      eventType: 'login.succeeded',
      aggregateType: 'identity',
      aggregateId: identity.id,
      payload: { via: kind, audience, sessionId: session.sessionId, statusFrom: before, statusTo: identity.status },
    });
    return {
      status: 'ok',
      sessionId: session.sessionId,
      sessionToken: session.token,
      sessionExpiresAt: session.expiresAt,
      identityId: identity.id,
      customerId: identity.customerId,
      linked: identity.customerId !== null,
    };
  }
}
