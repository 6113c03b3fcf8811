import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { Conflict, Database, sequenceId, validateInput } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { PAYMENT_EVENTS } from '../payment.errors';
import { PaymentAttemptEntity } from '../domain/payment-attempt.entity';
import { PaymentMethodEntity } from '../domain/payment-method.entity';
import {
  AMOUNT_PATTERN,
  CURRENCY_PATTERN,
  CUSTOMER_ID_PATTERN,
  normalizeAmount,
  PAYMENT_METHOD_ID_PATTERN,
  PAYMENT_PURPOSES,
  type GatewayOutcomeStatus,
  type PaymentPurpose,
} from '../domain/payment.values';
import { toPaymentAttemptView, type PaymentAttemptView } from '../domain/payment.views';
import { assertChargeable, assertTokenProviderMatches } from '../policies/charge.policies';
import { PaymentGateway, type ChargeOutcome } from '../ports/payment-gateway.port';

export class ChargeInput {
  @Matches(CUSTOMER_ID_PATTERN, { message: 'customerId must look like CUST-3f9a0c12' }) customerId!: string;
  /** Absent: the customer's default card, else the newest. */
  @IsOptional() @Matches(PAYMENT_METHOD_ID_PATTERN, { message: 'paymentMethodId must look like PM-0001' }) paymentMethodId?: string;
  @IsString() @Matches(AMOUNT_PATTERN, { message: 'amount must be a decimal string like "25.00"' }) amount!: string;
  @Matches(CURRENCY_PATTERN, { message: 'currency must be an ISO-4217 code like SGD' }) currency!: string;
  @IsIn([...PAYMENT_PURPOSES]) purpose!: PaymentPurpose;
  /** One key = one charge, however often the call is replayed. */
  @IsString() @MinLength(1) @MaxLength(200) idempotencyKey!: string;
}

/** `payment_attempt` columns under the entity's property names, for hand-written statements on the hot path. */
const ATTEMPT_COLUMNS = `id, tenant_id as "tenantId", customer_id as "customerId", payment_method_id as "paymentMethodId", amount, currency, purpose, status,
  decline_reason as "declineReason", decline_code as "declineCode", gateway_ref as "gatewayRef", idempotency_key as "idempotencyKey",
  created_at as "createdAt", completed_at as "completedAt"`;

const EVENT_BY_OUTCOME: Record<GatewayOutcomeStatus, string> = {
  approved: PAYMENT_EVENTS.charged,
  declined: PAYMENT_EVENTS.declined,
  errored: PAYMENT_EVENTS.errored,
};

/**
 * Charges a card on file, exactly once per idempotency key:
 *  1. record the attempt `pending` under the key and commit;
 *  2. ask the gateway with the same key (outside any transaction — never hold a row lock across
 *     a network call);
 *  3. record the outcome and its audit event, and commit.
 * Replaying a key returns the recorded attempt. If a crash struck between 2 and 3 the attempt is
 * still `pending`: the replay asks the gateway again with the same key — which answers with the
 * charge it already made instead of making another — and completes the attempt.
 * A decline is a result, not an error.
 */
@Injectable()
export class ChargeCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly db: Database,
    private readonly gateway: PaymentGateway,
  ) {}

  async execute(input: ChargeInput): Promise<PaymentAttemptView> {
    const dto = await validateInput(ChargeInput, input);
    const charge = { ...dto, amount: normalizeAmount(dto.amount) };
    const [existing] = await this.db.query<PaymentAttemptEntity>(`select ${ATTEMPT_COLUMNS} from payment.payment_attempt where idempotency_key = $1`, [charge.idempotencyKey]);
    if (existing) assertSameCharge(existing, charge);
    const opened = existing ? { attempt: existing, method: null } : await this.uow.run((w) => this.open(w, charge));
    const { attempt } = opened;
    if (attempt.status !== 'pending') return toPaymentAttemptView(attempt);

    // A fresh attempt already holds its card; a replayed one reloads it.
    const method = opened.method ?? (await this.db.manager.findOneByOrFail(PaymentMethodEntity, { id: attempt.paymentMethodId }));
    // Only the provider that minted the token may be asked (again) with this key. The other checks
    // passed when the attempt was opened; re-running them could strand a charge already made.
    assertTokenProviderMatches(method, this.gateway.provider);
    const outcome = await this.gateway.charge({
      idempotencyKey: attempt.idempotencyKey,
      token: method.token,
      amount: attempt.amount,
      currency: attempt.currency,
      reference: attempt.id,
    });
    return this.uow.run((w) => this.complete(w, attempt.id, outcome));
  }

  /**
   * Step 1: checks in the spec's order, then the `pending` attempt under its key. `method` is the
   * card charged, or null when a concurrent call with the same key opened the attempt first.
   */
  private async open(w: WriteScope, charge: ChargeInput): Promise<{ attempt: PaymentAttemptEntity; method: PaymentMethodEntity | null }> {
    const method = assertChargeable({
      requestedMethodId: charge.paymentMethodId,
      method: await this.pickMethod(w, charge),
      customerId: charge.customerId,
      amount: charge.amount,
      activeProvider: this.gateway.provider,
    });
    const id = await sequenceId(w.tx, 'payment.payment_attempt_seq', 'PAY', 6);
    const [inserted] = (await w.tx.query(
      `insert into payment.payment_attempt (id, tenant_id, customer_id, payment_method_id, amount, currency, purpose, status, idempotency_key, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9)
       on conflict (idempotency_key) do nothing
       returning ${ATTEMPT_COLUMNS}`,
      [id, w.auth.tenant, charge.customerId, method.id, charge.amount, charge.currency, charge.purpose, charge.idempotencyKey, w.now],
    )) as PaymentAttemptEntity[];
    if (!inserted) {
      // A concurrent call with the same key got there first: continue with its attempt.
      const [attempt] = (await w.tx.query(`select ${ATTEMPT_COLUMNS} from payment.payment_attempt where idempotency_key = $1`, [charge.idempotencyKey])) as PaymentAttemptEntity[];
      if (!attempt) throw new Error(`payment attempt under key ${charge.idempotencyKey} vanished`);
      assertSameCharge(attempt, charge);
      return { attempt, method: null };
    }
    await w.emit({
      eventType: PAYMENT_EVENTS.initiated,
      aggregateType: 'payment',
      aggregateId: inserted.id,
      payload: { customerId: inserted.customerId, paymentMethodId: inserted.paymentMethodId, amount: inserted.amount, currency: inserted.currency, purpose: inserted.purpose, idempotencyKey: inserted.idempotencyKey },
    });
    return { attempt: inserted, method };
  }

  private async pickMethod(w: WriteScope, charge: ChargeInput): Promise<PaymentMethodEntity | null> {
    if (charge.paymentMethodId) return w.tx.findOneBy(PaymentMethodEntity, { id: charge.paymentMethodId, tenantId: w.auth.tenant });
    return w.tx.findOne(PaymentMethodEntity, {
      where: { customerId: charge.customerId, status: 'active', tenantId: w.auth.tenant },
      order: { isDefault: 'DESC', createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** Step 3: the first answer recorded wins (the update only touches a `pending` row); a concurrent replay just reads it. */
  private async complete(w: WriteScope, attemptId: string, outcome: ChargeOutcome): Promise<PaymentAttemptView> {
    const [attempt] = (await w.tx.query(
      // Wrapped in a CTE: a bare UPDATE … RETURNING comes back from TypeORM as [rows, count].
      `with completed as (
         update payment.payment_attempt set status = $2, gateway_ref = $3, decline_reason = $4, decline_code = $5, completed_at = $6
          where id = $1 and status = 'pending'
          returning *)
       select ${ATTEMPT_COLUMNS} from completed`,
      [attemptId, outcome.status, outcome.gatewayRef, outcome.declineReason, outcome.declineCode, w.now],
    )) as PaymentAttemptEntity[];
    if (!attempt) {
      const [recorded] = (await w.tx.query(`select ${ATTEMPT_COLUMNS} from payment.payment_attempt where id = $1`, [attemptId])) as PaymentAttemptEntity[];
      if (!recorded) throw new Error(`payment attempt ${attemptId} vanished`);
      return toPaymentAttemptView(recorded);
    }
    await w.emit({
      eventType: EVENT_BY_OUTCOME[outcome.status],
      aggregateType: 'payment',
      aggregateId: attempt.id,
      payload: {
        customerId: attempt.customerId,
        paymentMethodId: attempt.paymentMethodId,
        amount: attempt.amount,
        currency: attempt.currency,
        purpose: attempt.purpose,
        status: attempt.status,
        gatewayRef: attempt.gatewayRef,
        providerCallId: attempt.gatewayRef,
        declineCode: attempt.declineCode,
        declineReason: attempt.declineReason,
        idempotencyKey: attempt.idempotencyKey,
      },
    });
    return toPaymentAttemptView(attempt);
  }
}

/** A key names one charge: reusing it for a different one is a caller bug, not a replay. */
function assertSameCharge(attempt: PaymentAttemptEntity, charge: ChargeInput): void {
  const same =
    attempt.tenantId === currentAuth().tenant &&
    attempt.customerId === charge.customerId &&
    attempt.amount === charge.amount &&
    attempt.currency === charge.currency &&
    attempt.purpose === charge.purpose &&
    (!charge.paymentMethodId || attempt.paymentMethodId === charge.paymentMethodId);
  if (!same) {
    throw new Conflict(`Idempotency key ${charge.idempotencyKey} was already used for a different charge (${attempt.id})`, {
      idempotencyKey: charge.idempotencyKey,
      paymentAttemptId: attempt.id,
    });
  }
}
