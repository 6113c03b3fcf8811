import { Inject, Injectable } from '@nestjs/common';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { EmailOutbox } from '@bss/notifications';
import { IDENTITY_CONFIG, type IdentityConfig } from '#identity/identity.config';
import { IdentityEntity } from '#identity/domain/identity.entity';
import { STEP_UP_LABELS, type StepUpLabel } from '#identity/domain/identity.values';
import { LoginTokenEntity } from '#identity/domain/login-token.entity';
import { StepUpPendingActionEntity } from '#identity/domain/step-up-pending-action.entity';
import { longId, newOtp, newUrlToken, TokenHasher } from '#identity/domain/tokens';
import { judgeCode } from '#identity/policies/login.policies';
import { safeNextPath } from '#identity/policies/next-url.policies';
import { isRateLimited } from '#identity/policies/rate-limit.policies';
import { assertStepUpLabel } from '#identity/policies/step-up.policies';
import { countAttempts, lockAttemptKey, recordAttempt, sessionKey, updateReturning } from './attempt-log';

const SESSION_ID = /^SES-[0-9a-f]{16}$/;
const IDENTITY_ID = /^IDN-[0-9a-f]{16}$/;

/** What each action is called in the confirmation email. */
export const STEP_UP_ACTION_TEXT: Record<StepUpLabel, string> = {
  vas_purchase: 'buy a top-up',
  payment_method_add: 'add a card',
  payment_method_remove: 'remove a card',
  payment_method_set_default: 'change your default card',
  subscription_terminate: 'cancel a line',
  email_change: 'change your email address',
  phone_update: 'change your phone number',
  address_update: 'change your address',
  name_update: 'change your name',
  plan_change_schedule: 'switch plans',
  plan_change_cancel: 'cancel a plan switch',
  'signup.place_order': 'order another line',
};

/** Form fields never parked in Postgres: a card number or CVV is typed again after the code. */
export const STASH_SECRET_FIELDS = ['card_number', 'cardNumber', 'pan', 'cvv', 'cvc', '_csrf', 'step_up_token'] as const;

export class StepUpScopeInput {
  @IsString() @Matches(SESSION_ID) sessionId!: string;
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
  @IsIn(STEP_UP_LABELS) label!: StepUpLabel;
}

export class VerifyStepUpInput extends StepUpScopeInput {
  @IsString() @Matches(/^\d{6}$/, { message: 'code must be the 6 digits from the email' }) code!: string;
}

export class ConsumeStepUpGrantInput {
  /** The session presenting the grant: only the session that earned it may spend it. */
  @IsString() @Matches(SESSION_ID) sessionId!: string;
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
  @IsIn(STEP_UP_LABELS) label!: StepUpLabel;
  @IsString() @Matches(/^[A-Za-z0-9_-]{32}$/) grant!: string;
}

export class StashStepUpActionInput {
  @IsString() @Matches(SESSION_ID) sessionId!: string;
  @IsIn(STEP_UP_LABELS) label!: StepUpLabel;
  @IsString() @MaxLength(2000) targetUrl!: string;
  @IsObject() payload!: Record<string, string>;
  @IsOptional() @IsString() @MaxLength(2000) next?: string;
}

export type StartStepUpResult = { status: 'sent' } | { status: 'rate_limited' };

export interface StashedAction {
  targetUrl: string;
  payload: Record<string, string>;
  /** A secret field (card number) was dropped, so the form must be filled in again instead of replayed. */
  redacted: boolean;
}

export type VerifyStepUpResult =
  | { status: 'ok'; grant: string; grantExpiresAt: Date; stash: StashedAction | null }
  | { status: 'failed'; reason: 'no_active_token' | 'expired' | 'wrong_code' }
  | { status: 'rate_limited' };

/** `step_up.start`: a label-scoped 6-digit code for this session, mailed to the identity; 5 per session per 15 minutes. */
@Verb({ name: 'step_up.start', input: StepUpScopeInput, summary: 'Emails a code that confirms one sensitive portal action', cliExempt: 'portal step-up of the signed-in customer; the code only reaches their inbox' })
@Injectable()
export class StartStepUpCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: EmailOutbox,
    private readonly hasher: TokenHasher,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(input: StepUpScopeInput): Promise<StartStepUpResult> {
    assertStepUpLabel(input?.label);
    const dto = await validateInput(StepUpScopeInput, input);
    return this.uow.run(async (w) => {
      const key = sessionKey(dto.sessionId);
      await lockAttemptKey(w.tx, 'step_up_start', key.ip!);
      const identity = await w.tx.findOne(IdentityEntity, { where: { id: dto.identityId } });
      if (!identity) throw new NotFound('identity', dto.identityId);
      if (isRateLimited(await countAttempts(w.tx, 'step_up_start', key, this.config.limits.stepUpPerSession), this.config.limits.stepUpPerSession)) {
        await recordAttempt(w.tx, w.auth.tenant, 'step_up_start', 'rate_limited', { ...key, email: undefined });
        return { status: 'rate_limited' as const };
      }
      const code = newOtp();
      const expiresAt = new Date(w.now.getTime() + this.config.stepUpTokenTtlSeconds * 1000);
      await w.tx.query(
        `insert into portal_auth.login_token (id, identity_id, kind, code_hash, action_label, session_id, issued_at, expires_at, tenant_id) values ($1,$2,'step_up',$3,$4,$5,$6,$7,$8)`,
        [longId('LTK'), identity.id, this.hasher.hash(`step_up:${dto.label}`, identity.id, code), dto.label, dto.sessionId, w.now, expiresAt, w.auth.tenant],
      );
      await recordAttempt(w.tx, w.auth.tenant, 'step_up_start', 'issued', key);
      await w.emit({ eventType: 'step_up.started', aggregateType: 'identity', aggregateId: identity.id, payload: { label: dto.label, sessionId: dto.sessionId } });
      await this.outbox.send(w, {
        to: identity.email,
        subject: `Your confirmation code: ${code}`,
        kind: 'portal.step_up',
        body: `Your code to ${STEP_UP_ACTION_TEXT[dto.label]} is ${code}\n\nIt works once and expires in ${Math.round(this.config.stepUpTokenTtlSeconds / 60)} minutes. If this was not you, sign out everywhere and contact us.`,
      });
      return { status: 'sent' as const };
    });
  }
}

/**
 * `step_up.verify`: the code for THIS session and label becomes a one-use grant (60 s), and the
 * stashed POST (if any) is handed back for replay. Checks are rate-limited per session.
 */
@Verb({ name: 'step_up.verify', input: VerifyStepUpInput, summary: 'Turns a step-up code into a one-use grant for its action', cliExempt: 'portal step-up of the signed-in customer' })
@Injectable()
export class VerifyStepUpCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: TokenHasher,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(input: VerifyStepUpInput): Promise<VerifyStepUpResult> {
    assertStepUpLabel(input?.label);
    const dto = await validateInput(VerifyStepUpInput, { ...input, code: input?.code?.replace(/\s+/g, '') });
    return this.uow.run(async (w) => {
      const key = sessionKey(dto.sessionId);
      await lockAttemptKey(w.tx, 'step_up_verify', key.ip!);
      if (isRateLimited(await countAttempts(w.tx, 'step_up_verify', key, this.config.limits.stepUpVerifyPerSession), this.config.limits.stepUpVerifyPerSession)) {
        await recordAttempt(w.tx, w.auth.tenant, 'step_up_verify', 'rate_limited', key);
        return { status: 'rate_limited' as const };
      }
      const candidates = await w.tx.find(LoginTokenEntity, {
        where: { identityId: dto.identityId, kind: 'step_up', actionLabel: dto.label, sessionId: dto.sessionId },
        order: { issuedAt: 'DESC' },
        take: 20,
      });
      const judgement = judgeCode(candidates, w.now, (hash) => this.hasher.matches(hash, `step_up:${dto.label}`, dto.identityId, dto.code));
      if (judgement.outcome !== 'success') {
        await recordAttempt(w.tx, w.auth.tenant, 'step_up_verify', judgement.outcome, key);
        return { status: 'failed' as const, reason: judgement.outcome };
      }
      const spent = await updateReturning(w.tx, `update portal_auth.login_token set consumed_at = $1 where id = $2 and consumed_at is null returning id`, [w.now, judgement.token.id]);
      if (spent.length === 0) return { status: 'failed' as const, reason: 'no_active_token' as const };

      const grant = newUrlToken();
      const grantExpiresAt = new Date(w.now.getTime() + this.config.stepUpGrantTtlSeconds * 1000);
      await w.tx.query(
        `insert into portal_auth.login_token (id, identity_id, kind, code_hash, action_label, session_id, issued_at, expires_at, tenant_id) values ($1,$2,'step_up_grant',$3,$4,$5,$6,$7,$8)`,
        [longId('LTK'), dto.identityId, this.hasher.hash('step_up_grant', dto.identityId, grant), dto.label, dto.sessionId, w.now, grantExpiresAt, w.auth.tenant],
      );
      const [stash] = await updateReturning<{ target_url: string; payload_json: Record<string, string> }>(
        w.tx,
        `update portal_auth.step_up_pending_action set consumed_at = $1
          where session_id = $2 and action_label = $3 and consumed_at is null and expires_at > $1
          returning target_url, payload_json`,
        [w.now, dto.sessionId, dto.label],
      );
      await recordAttempt(w.tx, w.auth.tenant, 'step_up_verify', 'success', key);
      await w.emit({ eventType: 'step_up.verified', aggregateType: 'identity', aggregateId: dto.identityId, payload: { label: dto.label, sessionId: dto.sessionId, replay: !!stash } });
      const redacted = stash?.payload_json.__redacted === '1';
      const payload = { ...(stash?.payload_json ?? {}) };
      delete payload.__redacted;
      return { status: 'ok' as const, grant, grantExpiresAt, stash: stash ? { targetUrl: safeNextPath(stash.target_url), payload, redacted } : null };
    });
  }
}

/**
 * Spends a grant atomically: same session, same identity, same label, unexpired, once. Grants never
 * cross labels, nor sessions: a grant leaked from one browser does not authorise another browser
 * signed in as the same identity.
 */
@Verb({ name: 'step_up_grant.consume', input: ConsumeStepUpGrantInput, summary: 'Spends a step-up grant on the action it was issued for', cliExempt: 'the portal gate spends the grant of the request it is serving' })
@Injectable()
export class ConsumeStepUpGrantCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: TokenHasher,
  ) {}

  async execute(input: ConsumeStepUpGrantInput): Promise<boolean> {
    const dto = await validateInput(ConsumeStepUpGrantInput, input);
    return this.uow.run(async (w) => {
      const rows = await updateReturning(
        w.tx,
        `update portal_auth.login_token set consumed_at = $1
          where id = (select id from portal_auth.login_token
                       where identity_id = $2 and kind = 'step_up_grant' and action_label = $3 and code_hash = $4
                         and session_id = $5 and consumed_at is null and expires_at > $1
                       limit 1 for update skip locked)
          returning id`,
        [w.now, dto.identityId, dto.label, this.hasher.hash('step_up_grant', dto.identityId, dto.grant), dto.sessionId],
      );
      if (rows.length === 0) return false;
      await w.emit({ eventType: 'step_up.grant_consumed', aggregateType: 'identity', aggregateId: dto.identityId, payload: { label: dto.label, sessionId: dto.sessionId } });
      return true;
    });
  }
}

/**
 * Parks a gated POST (path + query and its string fields, minus secrets) for replay after the
 * code; a newer stash for the same session and label replaces the older one.
 */
@Verb({ name: 'step_up_action.stash', input: StashStepUpActionInput, summary: 'Parks a gated portal form until its step-up code is entered', cliExempt: 'the portal gate parks the form of the request it is serving' })
@Injectable()
export class StashStepUpActionCommand {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(input: StashStepUpActionInput): Promise<{ stashId: string; redacted: boolean }> {
    const dto = await validateInput(StashStepUpActionInput, input);
    const payload: Record<string, string> = {};
    let redacted = false;
    for (const [name, value] of Object.entries(dto.payload)) {
      if (typeof value !== 'string' || name.length > 100) continue;
      if ((STASH_SECRET_FIELDS as readonly string[]).includes(name)) {
        if (name !== '_csrf' && name !== 'step_up_token' && value !== '') redacted = true;
        continue;
      }
      payload[name] = value.slice(0, 2000);
    }
    if (redacted) payload.__redacted = '1';
    return this.uow.run(async (w) => {
      await w.tx.query(`update portal_auth.step_up_pending_action set consumed_at = $1 where session_id = $2 and action_label = $3 and consumed_at is null`, [
        w.now,
        dto.sessionId,
        dto.label,
      ]);
      const stash = w.tx.create(StepUpPendingActionEntity, {
        id: longId('SUP'),
        sessionId: dto.sessionId,
        actionLabel: dto.label,
        targetUrl: safeNextPath(dto.targetUrl),
        payload,
        createdAt: w.now,
        expiresAt: new Date(w.now.getTime() + this.config.stepUpPendingTtlSeconds * 1000),
        consumedAt: null,
        tenantId: w.auth.tenant,
      });
      await w.tx.save(stash);
      await w.emit({ eventType: 'step_up.action_stashed', aggregateType: 'step_up_pending_action', aggregateId: stash.id, payload: { label: dto.label, sessionId: dto.sessionId, redacted } });
      return { stashId: stash.id, redacted };
    });
  }
}
