import { AuditQueries } from '@bss/audit';
import { CreateCustomerCommand, type CustomerView } from '@bss/crm';
import { createTestApp, type TestApp } from '@bss/testing';
import { MockPaymentGatewayAdapter } from '#payment/adapters/mock-payment-gateway.adapter';
import { PaymentModule } from '#payment/payment.module';
import { PaymentQueries } from '#payment/queries/payment.queries';
import { AddPaymentCardCommand } from './add-payment-card.command';
import { ChargePaymentCommand, type ChargePaymentInput } from './charge-payment.command';
import { RemovePaymentMethodCommand } from './remove-payment-method.command';

let seq = 0;
function newCustomer(app: TestApp): Promise<CustomerView> {
  seq += 1;
  return app.get(CreateCustomerCommand).execute({ givenName: 'Pay', familyName: `Er${seq}`, email: `payer${seq}.${Date.now()}@example.com` });
}

describe('ChargePaymentCommand', () => {
  let app: TestApp;
  let charge: ChargePaymentCommand;
  let add: AddPaymentCardCommand;
  let keys = 0;
  const key = () => `TEST-${++keys}`;
  const ledgerRows = async (idempotencyKey: string) =>
    (await app.db.query(`select 1 from payment.mock_gateway_charge where idempotency_key = $1`, [idempotencyKey])).length;

  beforeAll(async () => {
    app = await createTestApp({ imports: [PaymentModule] });
    charge = app.get(ChargePaymentCommand);
    add = app.get(AddPaymentCardCommand);
    await app.clock.freeze('2026-06-15T00:00:00Z');
  });
  afterAll(() => app.close());

  async function customerWithCard(cardNumber = '4242424242424242') {
    const customer = await newCustomer(app);
    const card = await add.execute({ customerId: customer.id, cardNumber });
    return { customer, card };
  }

  function activation(customerId: string, overrides: Partial<ChargePaymentInput> = {}): ChargePaymentInput {
    return { customerId, amount: '25.00', currency: 'SGD', purpose: 'activation', idempotencyKey: key(), ...overrides };
  }

  it('invariant 39: 4242… is approved with a mock_<uuid> gateway ref and a payment.charged event', async () => {
    const { customer, card } = await customerWithCard();
    const attempt = await charge.execute(activation(customer.id));
    expect(attempt).toEqual({
      id: expect.stringMatching(/^PAY-\d{6,}$/),
      customerId: customer.id,
      paymentMethodId: card.id,
      amount: '25.00',
      currency: 'SGD',
      purpose: 'activation',
      status: 'approved',
      declineReason: null,
      declineCode: null,
      gatewayRef: expect.stringMatching(/^mock_[0-9a-f-]{36}$/),
      idempotencyKey: `TEST-${keys}`,
      createdAt: new Date('2026-06-15T00:00:00Z'),
    });
    const [event] = await app.get(AuditQueries).list({ eventType: 'payment.charged', aggregateId: attempt.id });
    expect(event?.payload).toMatchObject({ customerId: customer.id, paymentMethodId: card.id, amount: '25.00', status: 'approved', gatewayRef: attempt.gatewayRef, providerCallId: attempt.gatewayRef });
  });

  it.each(['4242 DECLINE', 'fail-card', '4000 0000 0000 0002'])('invariant 39: %s is declined — returned, not thrown', async (cardNumber) => {
    const { customer } = await customerWithCard(cardNumber);
    const attempt = await charge.execute(activation(customer.id));
    expect(attempt).toMatchObject({ status: 'declined', declineReason: 'card_declined_by_issuer', declineCode: 'card_declined', gatewayRef: expect.stringMatching(/^mock_/) });
    expect(await app.get(AuditQueries).list({ eventType: 'payment.declined', aggregateId: attempt.id })).toHaveLength(1);
  });

  it('charges the default card when no method is named', async () => {
    const { customer, card } = await customerWithCard();
    await add.execute({ customerId: customer.id, cardNumber: '5555555555554444' });
    expect((await charge.execute(activation(customer.id))).paymentMethodId).toBe(card.id);
  });

  it('replaying a key returns the same attempt and never charges twice', async () => {
    const { customer } = await customerWithCard();
    const input = activation(customer.id);
    const first = await charge.execute(input);
    const again = await charge.execute(input);
    expect(again).toEqual(first);
    const concurrent = await Promise.all([charge.execute(input), charge.execute(input), charge.execute(input)]);
    expect(new Set(concurrent.map((a) => a.id))).toEqual(new Set([first.id]));
    expect(await ledgerRows(input.idempotencyKey)).toBe(1);
    expect(await app.get(PaymentQueries).listAttempts(customer.id)).toHaveLength(1);
  });

  it('concurrent first calls with one key make one attempt and one gateway charge', async () => {
    const { customer } = await customerWithCard();
    const input = activation(customer.id);
    const results = await Promise.all(Array.from({ length: 5 }, () => charge.execute(input)));
    expect(new Set(results.map((a) => a.id)).size).toBe(1);
    expect(results.every((a) => a.status === 'approved')).toBe(true);
    expect(await ledgerRows(input.idempotencyKey)).toBe(1);
  });

  it('a crash between the gateway charge and recording it is completed by the replay — exactly one gateway charge', async () => {
    const { customer } = await customerWithCard();
    const input = activation(customer.id, { purpose: 'renewal', amount: '45.00' });
    app.get(MockPaymentGatewayAdapter).crashAfterNextCharge();
    await expect(charge.execute(input)).rejects.toThrow('simulated crash after the gateway charged');

    // The money moved at the provider, but our attempt still says pending.
    expect(await ledgerRows(input.idempotencyKey)).toBe(1);
    const [stranded] = await app.get(PaymentQueries).listAttempts(customer.id);
    expect(stranded).toMatchObject({ status: 'pending', gatewayRef: null });

    const replayed = await charge.execute(input);
    expect(replayed).toMatchObject({ id: stranded?.id, status: 'approved', amount: '45.00' });
    expect(await ledgerRows(input.idempotencyKey)).toBe(1);
    const [{ gateway_ref: ledgerRef }] = await app.db.query<{ gateway_ref: string }>(`select gateway_ref from payment.mock_gateway_charge where idempotency_key = $1`, [input.idempotencyKey]);
    expect(replayed.gatewayRef).toBe(ledgerRef);
    const calls = await app.db.query<{ replayed: boolean }>(
      `select (response_payload->>'replayed')::boolean as replayed from audit.external_call where operation = 'charge' and request_payload->>'idempotencyKey' = $1 order by id`,
      [input.idempotencyKey],
    );
    expect(calls.map((c) => c.replayed)).toEqual([false, true]);
    expect(await app.get(AuditQueries).list({ eventType: 'payment.charged', aggregateId: replayed.id })).toHaveLength(1);
  });

  it('the mock gateway, like a real one, refuses a key replayed with different parameters and moves nothing', async () => {
    const gateway = app.get(MockPaymentGatewayAdapter);
    const request = { idempotencyKey: key(), token: 'tok_00000000-0000-4000-8000-000000000000', amount: '5.00', currency: 'SGD', reference: 'PAY-TEST' };
    expect((await gateway.charge(request)).status).toBe('approved');
    expect(await gateway.charge({ ...request, amount: '6.00' })).toMatchObject({ status: 'errored', declineCode: 'idempotency_key_in_use', gatewayRef: null });
    expect(await ledgerRows(request.idempotencyKey)).toBe(1);
  });

  it('reusing a key for a different charge is a Conflict, not a replay', async () => {
    const { customer } = await customerWithCard();
    const input = activation(customer.id);
    await charge.execute(input);
    await expect(charge.execute({ ...input, amount: '99.00' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  describe('invariant 40: the payment.charge.* rules, in order', () => {
    it('payment.charge.method_not_found: unknown card, or no card at all', async () => {
      const { customer } = await customerWithCard();
      await expect(charge.execute(activation(customer.id, { paymentMethodId: 'PM-9999' }))).rejects.toMatchObject({ rule: 'payment.charge.method_not_found' });
      const bare = await newCustomer(app);
      await expect(charge.execute(activation(bare.id))).rejects.toMatchObject({ rule: 'payment.charge.method_not_found' });
    });

    it('payment.charge.method_active: a removed card', async () => {
      const { customer, card } = await customerWithCard();
      await add.execute({ customerId: customer.id, cardNumber: '5555555555554444' });
      await app.get(RemovePaymentMethodCommand).execute({ paymentMethodId: card.id });
      await expect(charge.execute(activation(customer.id, { paymentMethodId: card.id }))).rejects.toMatchObject({ rule: 'payment.charge.method_active' });
    });

    it('payment.charge.positive_amount: 0 and negative amounts', async () => {
      const { customer, card } = await customerWithCard();
      await expect(charge.execute(activation(customer.id, { paymentMethodId: card.id, amount: '0.00' }))).rejects.toMatchObject({ rule: 'payment.charge.positive_amount' });
      await expect(charge.execute(activation(customer.id, { amount: '-5' }))).rejects.toMatchObject({ rule: 'payment.charge.positive_amount' });
    });

    it('payment.charge.customer_matches_method: someone else’s card', async () => {
      const { card } = await customerWithCard();
      const other = await customerWithCard();
      await expect(charge.execute(activation(other.customer.id, { paymentMethodId: card.id }))).rejects.toMatchObject({ rule: 'payment.charge.customer_matches_method' });
    });

    it('payment.charge.token_provider_matches_active: a token minted by another provider', async () => {
      const { customer, card } = await customerWithCard();
      await app.db.query(`update payment.payment_method set token_provider = 'stripe' where id = $1`, [card.id]);
      await expect(charge.execute(activation(customer.id, { paymentMethodId: card.id }))).rejects.toMatchObject({ rule: 'payment.charge.token_provider_matches_active' });
    });

    it('a refused charge writes no attempt and reaches no gateway', async () => {
      const { customer, card } = await customerWithCard();
      const input = activation(customer.id, { paymentMethodId: card.id, amount: '0' });
      await expect(charge.execute(input)).rejects.toMatchObject({ rule: 'payment.charge.positive_amount' });
      expect(await app.get(PaymentQueries).listAttempts(customer.id)).toEqual([]);
      expect(await ledgerRows(input.idempotencyKey)).toBe(0);
    });
  });

  it('malformed input is InvalidInput naming the field', async () => {
    const { customer } = await customerWithCard();
    await expect(charge.execute(activation(customer.id, { amount: '25.001' }))).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'amount' }] } });
    await expect(charge.execute(activation(customer.id, { purpose: 'gift' as never }))).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'purpose' }] } });
    await expect(charge.execute(activation(customer.id, { idempotencyKey: '' }))).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'idempotencyKey' }] } });
  });

  describe('executeMany: one batch, each charge answered on its own', () => {
    it('approves, declines, refuses and replays side by side, in input order, each key charged once', async () => {
      const good = await customerWithCard();
      const declining = await customerWithCard('4242 DECLINE');
      const bare = await newCustomer(app);
      const replay = activation(good.customer.id, { amount: '10.00' });
      const earlier = await charge.execute(replay);
      const inputs = [
        activation(good.customer.id, { purpose: 'renewal' }),
        activation(declining.customer.id, { purpose: 'renewal' }),
        activation(bare.id, { purpose: 'renewal' }),
        activation(good.customer.id, { amount: '25.001' }),
        replay,
        { ...replay, amount: '11.00' },
      ];
      const results = await charge.executeMany(inputs);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled', 'rejected']);
      const value = (i: number) => (results[i] as PromiseFulfilledResult<Awaited<ReturnType<ChargePaymentCommand['execute']>>>).value;
      const reason = (i: number) => (results[i] as PromiseRejectedResult).reason;
      expect(value(0)).toMatchObject({ status: 'approved', customerId: good.customer.id, paymentMethodId: good.card.id, idempotencyKey: inputs[0]?.idempotencyKey });
      expect(value(1)).toMatchObject({ status: 'declined', customerId: declining.customer.id, declineCode: 'card_declined' });
      expect(reason(2)).toMatchObject({ rule: 'payment.charge.method_not_found' });
      expect(reason(3)).toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'amount' }] } });
      expect(value(4)).toEqual(earlier);
      expect(reason(5)).toMatchObject({ code: 'CONFLICT' });
      for (const input of inputs.slice(0, 2)) expect(await ledgerRows(input.idempotencyKey)).toBe(1);
      expect(await ledgerRows(replay.idempotencyKey)).toBe(1);
      expect(await app.get(PaymentQueries).listAttempts(bare.id)).toEqual([]);
      const events = await app.get(AuditQueries).list({ aggregateId: value(0).id });
      expect(events.map((e) => e.eventType).sort()).toEqual(['payment.charged', 'payment.initiated']);
    });

    it('two batches racing over the same keys make one attempt and one gateway charge per key', async () => {
      const customers = await Promise.all(Array.from({ length: 4 }, () => customerWithCard()));
      const inputs = customers.map(({ customer }) => activation(customer.id, { purpose: 'renewal' }));
      const [first, second] = await Promise.all([charge.executeMany(inputs), charge.executeMany(inputs)]);
      for (const [i, input] of inputs.entries()) {
        expect(first?.[i]).toMatchObject({ status: 'fulfilled', value: { status: 'approved' } });
        expect((second?.[i] as PromiseFulfilledResult<{ id: string }>).value.id).toBe((first?.[i] as PromiseFulfilledResult<{ id: string }>).value.id);
        expect(await ledgerRows(input.idempotencyKey)).toBe(1);
      }
    });

    it('a crash after one gateway charge strands only that attempt; replaying the batch completes it with no second charge', async () => {
      const customers = await Promise.all(Array.from({ length: 3 }, () => customerWithCard()));
      const inputs = customers.map(({ customer }) => activation(customer.id, { purpose: 'renewal' }));
      app.get(MockPaymentGatewayAdapter).crashAfterNextCharge();
      const crashed = await charge.executeMany(inputs);
      expect(crashed.filter((r) => r.status === 'rejected')).toHaveLength(1);
      const again = await charge.executeMany(inputs);
      expect(again.every((r) => r.status === 'fulfilled' && r.value.status === 'approved')).toBe(true);
      for (const input of inputs) expect(await ledgerRows(input.idempotencyKey)).toBe(1);
    });
  });

  it('every gateway charge is logged to audit.external_call without the token or PAN', async () => {
    const rows = await app.db.query<{ request_payload: { token: string } }>(`select request_payload from audit.external_call where operation = 'charge'`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.request_payload.token).toMatch(/^tok_(FAIL_|DECLINE_)?…[0-9a-f]{4}$/);
  });
});
