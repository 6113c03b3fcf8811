import { Inject, Injectable } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { AddContactMediumCommand, CustomerQueries, RemoveContactMediumCommand } from '@bss/crm';
import { EmailOutbox } from '@bss/notifications';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { IDENTITY_CONFIG, type IdentityConfig } from '#identity/identity.config';
import { EmailChangePendingEntity } from '#identity/domain/email-change-pending.entity';
import { IdentityEntity } from '#identity/domain/identity.entity';
import { longId, newOtp, TokenHasher } from '#identity/domain/tokens';
import { assertEmailChangeAllowed } from '#identity/policies/email-change.policies';
import { judgeCode, normaliseEmail } from '#identity/policies/login.policies';
import { isRateLimited } from '#identity/policies/rate-limit.policies';
import { countAttempts, lockAttemptKey, recordAttempt, updateReturning } from './attempt-log';

const IDENTITY_ID = /^IDN-[0-9a-f]{16}$/;

export class StartEmailChangeInput {
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
  @IsString() @MaxLength(254) newEmail!: string;
}

export class VerifyEmailChangeInput {
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
  @IsString() @Matches(/^\d{6}$/, { message: 'code must be the 6 digits from the email' }) code!: string;
}

export class CancelEmailChangeInput {
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
}

export type VerifyEmailChangeResult =
  | { status: 'ok'; email: string }
  | { status: 'failed'; reason: 'no_active_pending' | 'expired' | 'wrong_code' }
  | { status: 'rate_limited' };

/**
 * `email_change.start`: the new address must be free; any earlier pending change is cancelled and
 * a code (valid 24 h) goes to the NEW address, so only its owner can complete the change.
 */
@Verb({ name: 'email_change.start', input: StartEmailChangeInput, summary: 'Emails a code to the new address of a customer changing their email', cliExempt: 'portal self-care: only the owner of the new inbox can finish it' })
@Injectable()
export class StartEmailChangeCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: EmailOutbox,
    private readonly hasher: TokenHasher,
    private readonly customers: CustomerQueries,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(input: StartEmailChangeInput): Promise<{ status: 'sent'; newEmail: string; expiresAt: Date }> {
    const newEmail = normaliseEmail(input?.newEmail, 'newEmail');
    const dto = await validateInput(StartEmailChangeInput, { ...input, newEmail });
    const holder = await this.customers.findByEmail(newEmail);
    return this.uow.run(async (w) => {
      const identity = await w.tx.findOne(IdentityEntity, { where: { id: dto.identityId }, lock: { mode: 'pessimistic_write' } });
      if (!identity) throw new NotFound('identity', dto.identityId);
      const other = await w.tx.query(`select 1 from portal_auth.identity where email = $1 and id <> $2 and status <> 'deleted' and tenant_id = $3`, [newEmail, identity.id, w.auth.tenant]);
      assertEmailChangeAllowed({
        identityId: identity.id,
        customerId: identity.customerId,
        currentEmail: identity.email,
        newEmail,
        holderCustomerId: holder?.id ?? null,
        heldByOtherIdentity: (other as unknown[]).length > 0,
      });
      await w.tx.query(`update portal_auth.email_change_pending set status = 'cancelled' where identity_id = $1 and status = 'pending'`, [identity.id]);
      const code = newOtp();
      const id = longId('ECP');
      const expiresAt = new Date(w.now.getTime() + this.config.emailChangeTtlSeconds * 1000);
      await w.tx.insert(EmailChangePendingEntity, {
        id,
        identityId: identity.id,
        newEmail,
        codeHash: this.hasher.hash('email_change', identity.id, `${newEmail}:${code}`),
        issuedAt: w.now,
        expiresAt,
        consumedAt: null,
        status: 'pending',
        tenantId: w.auth.tenant,
      });
      await w.emit({ eventType: 'email_change.started', aggregateType: 'identity', aggregateId: identity.id, payload: { pendingId: id, expiresAt: expiresAt.toISOString() } });
      await this.outbox.send(w, {
        to: newEmail,
        subject: `Confirm your new email address: ${code}`,
        kind: 'portal.email_change',
        body: `Enter ${code} in the portal to make this your sign-in and contact address.\n\nThe code works once and expires in 24 hours. If you did not ask for this, ignore this email.`,
      });
      return { status: 'sent' as const, newEmail, expiresAt };
    });
  }
}

/**
 * `email_change.verify`: the code is the proof (no step-up). One transaction swaps the CRM email
 * medium and the identity's email and consumes the pending row; any failure leaves all three as
 * they were. An expired row is marked expired.
 */
@Verb({ name: 'email_change.verify', input: VerifyEmailChangeInput, summary: 'Switches the customer to the new email once its code is entered', cliExempt: 'portal self-care: only the owner of the new inbox has the code' })
@Injectable()
export class VerifyEmailChangeCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: TokenHasher,
    private readonly customers: CustomerQueries,
    private readonly addMedium: AddContactMediumCommand,
    private readonly removeMedium: RemoveContactMediumCommand,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(input: VerifyEmailChangeInput): Promise<VerifyEmailChangeResult> {
    const dto = await validateInput(VerifyEmailChangeInput, { ...input, code: input?.code?.replace(/\s+/g, '') });
    // Failures must be recorded (attempt rows, expiry) even though nothing else changes.
    const judged = await this.uow.run(async (w) => {
      const limit = this.config.limits.emailChangeVerifyPerIdentity;
      await lockAttemptKey(w.tx, 'email_change_verify', dto.identityId);
      if (isRateLimited(await countAttempts(w.tx, 'email_change_verify', { ip: `identity:${dto.identityId}` }, limit), limit)) {
        await recordAttempt(w.tx, w.auth.tenant, 'email_change_verify', 'rate_limited', { ip: `identity:${dto.identityId}` });
        return { status: 'rate_limited' as const };
      }
      const pending = await w.tx.find(EmailChangePendingEntity, { where: { identityId: dto.identityId, status: 'pending' }, order: { issuedAt: 'DESC' }, take: 1 });
      const judgement = judgeCode(pending, w.now, (hash) => this.hasher.matches(hash, 'email_change', dto.identityId, `${pending[0].newEmail}:${dto.code}`));
      if (judgement.outcome === 'success') return { status: 'matched' as const, pendingId: judgement.token.id };
      const reason = judgement.outcome === 'no_active_token' ? ('no_active_pending' as const) : judgement.outcome;
      if (reason === 'expired') await w.tx.update(EmailChangePendingEntity, { id: pending[0].id }, { status: 'expired' });
      await recordAttempt(w.tx, w.auth.tenant, 'email_change_verify', judgement.outcome, { ip: `identity:${dto.identityId}` });
      return { status: 'failed' as const, reason };
    });
    if (judged.status !== 'matched') return judged;

    return this.uow.run(async (w) => {
      const pending = await w.tx.findOne(EmailChangePendingEntity, { where: { id: judged.pendingId }, lock: { mode: 'pessimistic_write' } });
      if (!pending || pending.status !== 'pending') return { status: 'failed' as const, reason: 'no_active_pending' as const };
      const identity = await w.tx.findOne(IdentityEntity, { where: { id: dto.identityId }, lock: { mode: 'pessimistic_write' } });
      if (!identity?.customerId) throw new NotFound('identity', dto.identityId);
      const customer = await this.customers.get(identity.customerId);
      const oldMedia = customer.contactMedia.filter((m) => m.mediumType === 'email');
      await this.addMedium.executeIn(w, { customerId: customer.id, mediumType: 'email', value: pending.newEmail, isPrimary: true });
      for (const m of oldMedia) await this.removeMedium.executeIn(w, { customerId: customer.id, contactMediumId: m.id });
      const previous = identity.email;
      identity.email = pending.newEmail;
      await w.tx.save(identity);
      pending.status = 'consumed';
      pending.consumedAt = w.now;
      await w.tx.save(pending);
      await recordAttempt(w.tx, w.auth.tenant, 'email_change_verify', 'success', { ip: `identity:${dto.identityId}` });
      await w.emit({ eventType: 'email_change.completed', aggregateType: 'identity', aggregateId: identity.id, payload: { customerId: customer.id, pendingId: pending.id, previousDomain: previous.split('@')[1] } });
      return { status: 'ok' as const, email: pending.newEmail };
    });
  }
}

/** `email_change.cancel`: idempotent; no step-up (it only keeps things as they are). */
@Verb({ name: 'email_change.cancel', input: CancelEmailChangeInput, summary: 'Drops a pending email change', cliExempt: 'portal self-care of the signed-in customer' })
@Injectable()
export class CancelEmailChangeCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: CancelEmailChangeInput): Promise<{ cancelled: number }> {
    const dto = await validateInput(CancelEmailChangeInput, input);
    return this.uow.run(async (w) => {
      const rows = await updateReturning(w.tx, `update portal_auth.email_change_pending set status = 'cancelled' where identity_id = $1 and status = 'pending' returning id`, [dto.identityId]);
      if (rows.length > 0) await w.emit({ eventType: 'email_change.cancelled', aggregateType: 'identity', aggregateId: dto.identityId, payload: {} });
      return { cancelled: rows.length };
    });
  }
}
