import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { In, type EntityManager } from 'typeorm';
import { Conflict, Database, sequenceIds, settleConcurrently, validateInput, Verb } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { PAYMENT_EVENTS } from '#payment/payment.errors';
import { PaymentAttemptEntity } from '#payment/domain/payment-attempt.entity';
import { PaymentMethodEntity } from '#payment/domain/payment-method.entity';
import {
  AMOUNT_PATTERN,
  CURRENCY_PATTERN,
  CUSTOMER_ID_PATTERN,
  normalizeAmount,
  PAYMENT_METHOD_ID_PATTERN,
  PAYMENT_PURPOSES,
  type GatewayOutcomeStatus,
  type PaymentPurpose,
} from '#payment/domain/payment.values';
import { toPaymentAttemptView, type PaymentAttemptView } from '#payment/domain/payment.views';
import { assertChargeable, assertTokenProviderMatches } from '#payment/policies/charge.policies';
import { PaymentGateway, type ChargeOutcome } from '#payment/ports/payment-gateway.port';

export class ChargePaymentInput {
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

/** A validated charge, and the position its answer takes in the batch's results. */
interface PendingCharge {
  index: number;
  charge: ChargePaymentInput;
  attempt: PaymentAttemptEntity;
  /** The card, when this call opened the attempt; a replayed attempt reloads it. */
  method: PaymentMethodEntity | null;
}

/** How many gateway calls one batch keeps in flight. */
const GATEWAY_CONCURRENCY = 8;

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
 *
 * `executeMany` walks the same three steps for a whole batch (a renewal sweep's): step 1 and 3 are
 * one transaction each for all of its charges, the gateway is still asked once per charge.
 */
@Verb({
  name: 'payment.charge',
  input: ChargePaymentInput,
  summary: 'Charge a customer’s card on file once (idempotent per key)',
  cliExempt: 'money moves only inside subscription activation, renewal and VAS purchase, never on its own',
})
@Injectable()
export class ChargePaymentCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly db: Database,
    private readonly gateway: PaymentGateway,
  ) {}

  async execute(input: ChargePaymentInput): Promise<PaymentAttemptView> {
    const [result] = await this.executeMany([input]);
    if (!result) throw new Error('a charge batch of one answered nothing');
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  }

  /** One answer per input, in input order: an approved/declined/errored attempt, or why that charge was refused. */
  async executeMany(inputs: readonly ChargePaymentInput[]): Promise<PromiseSettledResult<PaymentAttemptView>[]> {
    const results: PromiseSettledResult<PaymentAttemptView>[] = new Array(inputs.length);
    const refuse = (index: number, reason: unknown) => {
      results[index] = { status: 'rejected', reason };
    };
    const valid: { index: number; charge: ChargePaymentInput }[] = [];
    for (const [index, input] of inputs.entries()) {
      try {
        const dto = await validateInput(ChargePaymentInput, input);
        valid.push({ index, charge: { ...dto, amount: normalizeAmount(dto.amount) } });
      } catch (error) {
        refuse(index, error);
      }
    }
    if (valid.length === 0) return results;

    const existing = await this.attemptsByKey(this.db.manager, valid.map((v) => v.charge.idempotencyKey));
    const pending: PendingCharge[] = [];
    const fresh: { index: number; charge: ChargePaymentInput }[] = [];
    for (const item of valid) {
      const attempt = existing.get(item.charge.idempotencyKey);
      if (!attempt) {
        fresh.push(item);
        continue;
      }
      try {
        assertSameCharge(attempt, item.charge);
        if (attempt.status === 'pending') pending.push({ ...item, attempt, method: null });
        else results[item.index] = { status: 'fulfilled', value: toPaymentAttemptView(attempt) };
      } catch (error) {
        refuse(item.index, error);
      }
    }
    if (fresh.length > 0) {
      try {
        const opened = await this.uow.run((w) => this.open(w, fresh));
        for (const item of opened) {
          if ('reason' in item) refuse(item.index, item.reason);
          else pending.push(item);
        }
      } catch (error) {
        for (const item of fresh) refuse(item.index, error);
      }
    }
    if (pending.length === 0) return results;

    const asked = await this.askGateway(pending);
    const answered: { item: PendingCharge; outcome: ChargeOutcome }[] = [];
    for (const [i, answer] of asked.entries()) {
      const item = pending[i] as PendingCharge;
      if (answer.status === 'rejected') refuse(item.index, answer.reason);
      else answered.push({ item, outcome: answer.value });
    }
    if (answered.length === 0) return results;
    try {
      const completed = await this.uow.run((w) => this.complete(w, answered));
      for (const { item } of answered) {
        const attempt = completed.get(item.attempt.id);
        if (attempt) results[item.index] = { status: 'fulfilled', value: attempt };
        else refuse(item.index, new Error(`payment attempt ${item.attempt.id} vanished`));
      }
    } catch (error) {
      for (const { item } of answered) refuse(item.index, error);
    }
    return results;
  }

  /**
   * Step 1: checks in the spec's order, then the `pending` attempts under their keys, in one
   * statement. A charge whose key a concurrent call claimed first continues with that attempt
   * (its card reloaded later); a refused charge writes nothing.
   */
  private async open(w: WriteScope, items: readonly { index: number; charge: ChargePaymentInput }[]): Promise<(PendingCharge | { index: number; reason: unknown })[]> {
    const methods = await this.pickMethods(w, items.map((item) => item.charge));
    const accepted: { index: number; charge: ChargePaymentInput; method: PaymentMethodEntity }[] = [];
    const refused: { index: number; reason: unknown }[] = [];
    for (const [i, item] of items.entries()) {
      try {
        const method = assertChargeable({
          requestedMethodId: item.charge.paymentMethodId,
          method: methods[i] ?? null,
          customerId: item.charge.customerId,
          amount: item.charge.amount,
          activeProvider: this.gateway.provider,
        });
        accepted.push({ ...item, method });
      } catch (reason) {
        refused.push({ index: item.index, reason });
      }
    }
    if (accepted.length === 0) return refused;

    const ids = await sequenceIds(w.tx, 'payment.payment_attempt_seq', 'PAY', accepted.length, 6);
    const inserted = (await w.tx.query(
      `insert into payment.payment_attempt (id, tenant_id, customer_id, payment_method_id, amount, currency, purpose, status, idempotency_key, created_at)
       select id, $2, customer_id, payment_method_id, amount::numeric, currency, purpose, 'pending', idempotency_key, $9
         from unnest($1::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           as a(id, customer_id, payment_method_id, amount, currency, purpose, idempotency_key)
       on conflict (idempotency_key) do nothing
       returning ${ATTEMPT_COLUMNS}`,
      [
        ids,
        w.auth.tenant,
        accepted.map((a) => a.charge.customerId),
        accepted.map((a) => a.method.id),
        accepted.map((a) => a.charge.amount),
        accepted.map((a) => a.charge.currency),
        accepted.map((a) => a.charge.purpose),
        accepted.map((a) => a.charge.idempotencyKey),
        w.now,
      ],
    )) as PaymentAttemptEntity[];
    const ours = new Map(inserted.map((attempt) => [attempt.idempotencyKey, attempt]));
    // Keys a concurrent call claimed first: continue with their attempts.
    const theirs = await this.attemptsByKey(w.tx, accepted.filter((a) => !ours.has(a.charge.idempotencyKey)).map((a) => a.charge.idempotencyKey));
    const opened: (PendingCharge | { index: number; reason: unknown })[] = [...refused];
    const claimed = new Set<string>();
    for (const item of accepted) {
      const key = item.charge.idempotencyKey;
      const mine = ours.get(key);
      if (mine && !claimed.has(key)) {
        claimed.add(key);
        opened.push({ ...item, attempt: mine });
        continue;
      }
      // Someone else's attempt, or the same key twice in this batch.
      const attempt = mine ?? theirs.get(key);
      if (!attempt) {
        opened.push({ index: item.index, reason: new Error(`payment attempt under key ${key} vanished`) });
        continue;
      }
      try {
        assertSameCharge(attempt, item.charge);
        opened.push({ ...item, attempt, method: null });
      } catch (reason) {
        opened.push({ index: item.index, reason });
      }
    }
    await w.emitMany(
      inserted.map((attempt) => ({
        eventType: PAYMENT_EVENTS.initiated,
        aggregateType: 'payment',
        aggregateId: attempt.id,
        payload: {
          customerId: attempt.customerId,
          paymentMethodId: attempt.paymentMethodId,
          amount: attempt.amount,
          currency: attempt.currency,
          purpose: attempt.purpose,
          idempotencyKey: attempt.idempotencyKey,
        },
      })),
    );
    return opened;
  }

  /** The named card of each charge, else its customer's default card, else the newest active one. */
  private async pickMethods(w: WriteScope, charges: readonly ChargePaymentInput[]): Promise<(PaymentMethodEntity | undefined)[]> {
    const named = charges.flatMap((c) => (c.paymentMethodId ? [c.paymentMethodId] : []));
    const unnamed = charges.flatMap((c) => (c.paymentMethodId ? [] : [c.customerId]));
    const [byId, candidates] = await Promise.all([
      named.length > 0 ? w.tx.findBy(PaymentMethodEntity, { id: In(named), tenantId: w.auth.tenant }) : [],
      unnamed.length > 0
        ? w.tx.find(PaymentMethodEntity, {
            where: { customerId: In([...new Set(unnamed)]), status: 'active', tenantId: w.auth.tenant },
            order: { isDefault: 'DESC', createdAt: 'DESC', id: 'DESC' },
          })
        : [],
    ]);
    const methodById = new Map(byId.map((m) => [m.id, m]));
    const preferredOf = new Map<string, PaymentMethodEntity>();
    for (const method of candidates) if (!preferredOf.has(method.customerId)) preferredOf.set(method.customerId, method);
    return charges.map((c) => (c.paymentMethodId ? methodById.get(c.paymentMethodId) : preferredOf.get(c.customerId)));
  }

  /** Step 2, once per charge and at most GATEWAY_CONCURRENCY at a time. */
  private async askGateway(pending: readonly PendingCharge[]): Promise<PromiseSettledResult<ChargeOutcome>[]> {
    const reload = pending.filter((p) => p.method === null).map((p) => p.attempt.paymentMethodId);
    const reloaded = reload.length > 0 ? await this.db.manager.findBy(PaymentMethodEntity, { id: In([...new Set(reload)]) }) : [];
    const methodById = new Map(reloaded.map((m) => [m.id, m]));
    return settleConcurrently(pending, GATEWAY_CONCURRENCY, async ({ attempt, method: opened }) => {
      const method = opened ?? methodById.get(attempt.paymentMethodId);
      if (!method) throw new Error(`payment method ${attempt.paymentMethodId} of attempt ${attempt.id} vanished`);
      // Only the provider that minted the token may be asked (again) with this key. The other checks
      // passed when the attempt was opened; re-running them could strand a charge already made.
      assertTokenProviderMatches(method, this.gateway.provider);
      return this.gateway.charge({
        idempotencyKey: attempt.idempotencyKey,
        token: method.token,
        amount: attempt.amount,
        currency: attempt.currency,
        reference: attempt.id,
      });
    });
  }

  /**
   * Step 3: the first answer recorded wins (the update only touches `pending` rows); an attempt a
   * concurrent replay completed first is just read back.
   */
  private async complete(w: WriteScope, answered: readonly { item: PendingCharge; outcome: ChargeOutcome }[]): Promise<Map<string, PaymentAttemptView>> {
    const updated = (await w.tx.query(
      // Wrapped in a CTE: a bare UPDATE … RETURNING comes back from TypeORM as [rows, count].
      `with completed as (
         update payment.payment_attempt p
            set status = o.status, gateway_ref = o.gateway_ref, decline_reason = o.decline_reason, decline_code = o.decline_code, completed_at = $6
           from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as o(id, status, gateway_ref, decline_reason, decline_code)
          where p.id = o.id and p.status = 'pending'
          returning p.*)
       select ${ATTEMPT_COLUMNS} from completed`,
      [
        answered.map((a) => a.item.attempt.id),
        answered.map((a) => a.outcome.status),
        answered.map((a) => a.outcome.gatewayRef),
        answered.map((a) => a.outcome.declineReason),
        answered.map((a) => a.outcome.declineCode),
        w.now,
      ],
    )) as PaymentAttemptEntity[];
    const done = new Map(updated.map((attempt) => [attempt.id, toPaymentAttemptView(attempt)]));
    const missing = answered.map((a) => a.item.attempt.id).filter((id) => !done.has(id));
    if (missing.length > 0) {
      const recorded = (await w.tx.query(`select ${ATTEMPT_COLUMNS} from payment.payment_attempt where id = any($1::text[])`, [missing])) as PaymentAttemptEntity[];
      for (const attempt of recorded) done.set(attempt.id, toPaymentAttemptView(attempt));
    }
    await w.emitMany(
      updated.map((attempt) => ({
        eventType: EVENT_BY_OUTCOME[attempt.status as GatewayOutcomeStatus],
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
      })),
    );
    return done;
  }

  private async attemptsByKey(em: EntityManager, keys: readonly string[]): Promise<Map<string, PaymentAttemptEntity>> {
    if (keys.length === 0) return new Map();
    const rows = (await em.query(`select ${ATTEMPT_COLUMNS} from payment.payment_attempt where idempotency_key = any($1::text[])`, [keys])) as PaymentAttemptEntity[];
    return new Map(rows.map((row) => [row.idempotencyKey, row]));
  }
}

/** A key names one charge: reusing it for a different one is a caller bug, not a replay. */
function assertSameCharge(attempt: PaymentAttemptEntity, charge: ChargePaymentInput): void {
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
