import { AuditQueries } from '@bss/audit';
import { ChangeCustomerStatusCommand, CreateCustomerCommand, type CustomerView } from '@bss/crm';
import { createTestApp, type TestApp } from '@bss/testing';
import { PaymentModule } from '#payment/payment.module';
import { PaymentQueries } from '#payment/queries/payment.queries';
import { AddPaymentCardCommand } from './add-payment-card.command';

let seq = 0;
function newCustomer(app: TestApp): Promise<CustomerView> {
  seq += 1;
  return app.get(CreateCustomerCommand).execute({ givenName: 'Card', familyName: `Holder${seq}`, email: `holder${seq}.${Date.now()}@example.com` });
}

describe('AddPaymentCardCommand', () => {
  let app: TestApp;
  let add: AddPaymentCardCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [PaymentModule] });
    add = app.get(AddPaymentCardCommand);
    await app.clock.freeze('2026-06-15T00:00:00Z');
  });
  afterAll(() => app.close());

  it('tokenizes the card, keeps only brand / last4 / expiry, and makes the first card the default', async () => {
    const customer = await newCustomer(app);
    const card = await add.execute({ customerId: customer.id, cardNumber: '4242 4242 4242 4242', expMonth: 12, expYear: 2030 });
    expect(card).toEqual({
      id: expect.stringMatching(/^PM-\d{4,}$/),
      customerId: customer.id,
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2030,
      isDefault: true,
      status: 'active',
      tokenProvider: 'mock',
      createdAt: new Date('2026-06-15T00:00:00Z'),
    });
    const [row] = await app.db.query<{ token: string }>(`select token from payment.payment_method where id = $1`, [card.id]);
    expect(row?.token).toMatch(/^tok_[0-9a-f-]{36}$/);
    const second = await add.execute({ customerId: customer.id, cardNumber: '5555-5555-5555-4444', expMonth: 1, expYear: 2031 });
    expect(second).toMatchObject({ brand: 'mastercard', last4: '4444', isDefault: false });
    const [event] = await app.get(AuditQueries).list({ eventType: 'payment.card_added', aggregateId: card.id });
    expect(event?.payload).toMatchObject({ customerId: customer.id, brand: 'visa', last4: '4242', isDefault: true });
    expect(JSON.stringify(event)).not.toContain('4242424242424242');
  });

  it('never writes the PAN: the tokenize call is logged redacted to audit.external_call', async () => {
    const customer = await newCustomer(app);
    await add.execute({ customerId: customer.id, cardNumber: '378282246310005' });
    const calls = await app.db.query<{ provider: string; operation: string; status: string; request_payload: unknown; response_payload: unknown }>(
      `select provider, operation, status, request_payload, response_payload from audit.external_call where operation = 'tokenize'`,
    );
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.at(-1)).toMatchObject({ provider: 'mock', status: 'ok', request_payload: { brand: 'amex', last4: '0005' } });
    const everything = JSON.stringify(await app.db.query(`select * from audit.external_call`)) + JSON.stringify(await app.db.query(`select * from audit.domain_event`));
    expect(everything).not.toContain('378282246310005');
    expect(everything).not.toContain('4242424242424242');
  });

  it('without an expiry the card is valid for three more years (by the clock)', async () => {
    const customer = await newCustomer(app);
    expect(await add.execute({ customerId: customer.id, cardNumber: '4111111111111111' })).toMatchObject({ expMonth: 12, expYear: 2029 });
  });

  it('test markers and the sandbox decline card mint decline tokens', async () => {
    const customer = await newCustomer(app);
    const fail = await add.execute({ customerId: customer.id, cardNumber: '4242-FAIL' });
    const decline = await add.execute({ customerId: customer.id, cardNumber: 'decline' });
    const sandbox = await add.execute({ customerId: customer.id, cardNumber: '4000 0000 0000 0002' });
    const tokens = await app.db.query<{ id: string; token: string }>(`select id, token from payment.payment_method where id = any($1)`, [[fail.id, decline.id, sandbox.id]]);
    const tokenOf = (id: string) => tokens.find((t) => t.id === id)?.token;
    expect(tokenOf(fail.id)).toMatch(/^tok_FAIL_/);
    expect(tokenOf(decline.id)).toMatch(/^tok_DECLINE_/);
    expect(tokenOf(sandbox.id)).toMatch(/^tok_DECLINE_/);
    expect(fail).toMatchObject({ brand: 'visa', last4: '4242' });
    expect(decline).toMatchObject({ brand: 'unknown', last4: '0000' });
  });

  it('payment.add_card.customer_exists: an unknown customer', async () => {
    await expect(add.execute({ customerId: 'CUST-00000000', cardNumber: '4242424242424242' })).rejects.toMatchObject({ rule: 'payment.add_card.customer_exists' });
  });

  it('payment.add_card.customer_active_or_pending: a suspended or closed customer cannot add a card', async () => {
    const customer = await newCustomer(app);
    await app.get(ChangeCustomerStatusCommand).execute({ customerId: customer.id, status: 'suspended' });
    await expect(add.execute({ customerId: customer.id, cardNumber: '4242424242424242' })).rejects.toMatchObject({ rule: 'payment.add_card.customer_active_or_pending' });
    expect(await app.get(PaymentQueries).listMethods(customer.id)).toEqual([]);
  });

  it('payment.add_card.card_not_expired: judged by the clock month', async () => {
    const customer = await newCustomer(app);
    await expect(add.execute({ customerId: customer.id, cardNumber: '4242424242424242', expMonth: 5, expYear: 2026 })).rejects.toMatchObject({
      rule: 'payment.add_card.card_not_expired',
    });
    expect(await add.execute({ customerId: customer.id, cardNumber: '4242424242424242', expMonth: 6, expYear: 2026 })).toMatchObject({ expMonth: 6 });
  });

  it('payment.add_card.at_most_n_methods: the sixth active card is refused (invariant 40)', async () => {
    const customer = await newCustomer(app);
    for (let i = 0; i < 5; i++) await add.execute({ customerId: customer.id, cardNumber: `424242424242424${i}` });
    await expect(add.execute({ customerId: customer.id, cardNumber: '4242424242424249' })).rejects.toMatchObject({ rule: 'payment.add_card.at_most_n_methods' });
    const cards = await app.get(PaymentQueries).listMethods(customer.id);
    expect(cards).toHaveLength(5);
    expect(cards.filter((c) => c.isDefault)).toHaveLength(1);
  });

  it('concurrent first cards still give exactly one default', async () => {
    const customer = await newCustomer(app);
    await Promise.all(Array.from({ length: 4 }, (_, i) => add.execute({ customerId: customer.id, cardNumber: `555555555555444${i}` })));
    expect((await app.get(PaymentQueries).listMethods(customer.id)).filter((c) => c.isDefault)).toHaveLength(1);
  });

  it('malformed input is InvalidInput naming the field, and nothing is written', async () => {
    const customer = await newCustomer(app);
    await expect(add.execute({ customerId: customer.id, cardNumber: '4242' })).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'cardNumber' }] } });
    await expect(add.execute({ customerId: customer.id, cardNumber: '4242x42424242424' })).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'cardNumber' }] } });
    await expect(add.execute({ customerId: 'cust-1', cardNumber: '4242424242424242' })).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'customerId' }] } });
    await expect(add.execute({ customerId: customer.id, cardNumber: '4242424242424242', expMonth: 13, expYear: 2030 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      context: { fields: [{ field: 'expMonth' }] },
    });
    await expect(add.execute({ customerId: customer.id, cardNumber: '4242424242424242', expMonth: 1 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      context: { fields: [{ field: 'expYear' }] },
    });
    expect(await app.get(PaymentQueries).listMethods(customer.id)).toEqual([]);
  });

  it('logs the change on the customer’s interaction history', async () => {
    const customer = await newCustomer(app);
    const card = await add.execute({ customerId: customer.id, cardNumber: '4242424242424242' });
    const rows = await app.db.query<{ summary: string }>(`select summary from crm.interaction where customer_id = $1`, [customer.id]);
    expect(rows.map((r) => r.summary)).toContain(`Card visa•••4242 added as default (${card.id})`);
  });
});

describe('AddPaymentCardCommand with BSS_PAYMENT_PROVIDER=stripe and no API key', () => {
  let app: TestApp;

  beforeAll(async () => {
    process.env.BSS_PAYMENT_PROVIDER = 'stripe';
    delete process.env.BSS_PAYMENT_STRIPE_API_KEY;
    app = await createTestApp({ imports: [PaymentModule] });
  });
  afterAll(async () => {
    delete process.env.BSS_PAYMENT_PROVIDER;
    await app.close();
  });

  it('payment.add_card.no_tokenizer: refuses before any call leaves the building', async () => {
    const customer = await newCustomer(app);
    await expect(app.get(AddPaymentCardCommand).execute({ customerId: customer.id, cardNumber: '4242424242424242' })).rejects.toMatchObject({
      rule: 'payment.add_card.no_tokenizer',
    });
    expect(await app.db.query(`select 1 from audit.external_call`)).toEqual([]);
  });
});
