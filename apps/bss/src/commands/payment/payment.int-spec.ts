import { CreateCustomerCommand, type CustomerView } from '@bss/crm';
import { ChargePaymentCommand, LiveLinePort, PaymentModule } from '@bss/payment';
import { createTestApp, createTestDatabase, type TestApp } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import CustomerCreate from '#bss/commands/customer/create';
import PaymentAddCard from './add-card';
import PaymentListAttempts from './list-attempts';
import PaymentListMethods from './list-methods';
import PaymentRemoveMethod from './remove-method';
import PaymentSetDefault from './set-default';

describe('bss payment', () => {
  let app: TestApp;
  let customer: CustomerView;

  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    app = await createTestApp({ imports: [PaymentModule], url: process.env.BSS_DB_URL });
    await app.clock.freeze('2026-06-15T00:00:00Z');
    customer = await app.get(CreateCustomerCommand).execute({ givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.com' });
  });
  afterAll(() => app.close());

  it('add-card attaches a card: "Attached card PM-0001 visa•••4242"', async () => {
    const { stdout, exitCode } = await runCli(PaymentAddCard, ['--customer', customer.id, '--card', '4242 4242 4242 4242']);
    expect(exitCode).toBe(0);
    expect(stdout).toBe('Attached card PM-0001 visa•••4242');
  });

  it('add-card --json returns the view; --exp sets the expiry', async () => {
    const { json } = await runCli(PaymentAddCard, ['--customer', customer.id, '--card', '5555555555554444', '--exp', '07/2030', '--json']);
    expect(json).toMatchObject({ status: 0, result: { id: 'PM-0002', brand: 'mastercard', last4: '4444', expMonth: 7, expYear: 2030, isDefault: false, tokenProvider: 'mock' } });
    expect(JSON.stringify(json)).not.toContain('tok_');
  });

  it('add-card: an expired card is POLICY_VIOLATION payment.add_card.card_not_expired, exit 2', async () => {
    const human = await runCli(PaymentAddCard, ['--customer', customer.id, '--card', '4242424242424242', '--exp', '01/2026']);
    expect(human.exitCode).toBe(2);
    expect(human.stderr).toContain('POLICY_VIOLATION payment.add_card.card_not_expired');
  });

  it('add-card: a malformed PAN or expiry is INVALID_INPUT naming the field', async () => {
    const pan = await runCli(PaymentAddCard, ['--customer', customer.id, '--card', '1234', '--json']);
    expect(pan.exitCode).toBe(2);
    expect(pan.json).toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'cardNumber' }] } });
    const exp = await runCli(PaymentAddCard, ['--customer', customer.id, '--card', '4242424242424242', '--exp', '2030-07', '--json']);
    expect(exp.json).toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'exp' }] } });
  });

  it('add-card refuses unless the provider is mock (a PAN typed here must not reach a real provider)', async () => {
    process.env.BSS_PAYMENT_PROVIDER = 'stripe';
    try {
      const refused = await runCli(PaymentAddCard, ['--customer', customer.id, '--card', '4242424242424242']);
      expect(refused.exitCode).toBe(2);
      expect(refused.stderr).toContain('POLICY_VIOLATION payment.add_card.local_tokenization_mock_only');
    } finally {
      delete process.env.BSS_PAYMENT_PROVIDER;
    }
  });

  it('list-methods shows the active cards, newest first, with the default starred', async () => {
    const { stdout, exitCode } = await runCli(PaymentListMethods, ['--customer', customer.id]);
    expect(exitCode).toBe(0);
    expect(stdout.split('\n').slice(2)).toEqual([
      'ID       Card               Expires  Default  Provider',
      '──────────────────────────────────────────────────────',
      'PM-0002  mastercard•••4444  07/2030           mock',
      'PM-0001  visa•••4242        12/2029  ★        mock',
    ]);
    const { json } = await runCli(PaymentListMethods, ['--customer', customer.id, '--json']);
    expect((json?.result as { id: string }[]).map((m) => m.id)).toEqual(['PM-0002', 'PM-0001']);
  });

  it('set-default moves the default', async () => {
    const { stdout } = await runCli(PaymentSetDefault, ['PM-0002']);
    expect(stdout).toBe('PM-0002 mastercard•••4444 is now the default');
    const { json } = await runCli(PaymentSetDefault, ['PM-0002', '--json']);
    expect(json?.result).toMatchObject({ id: 'PM-0002', isDefault: true });
  });

  it('list-attempts shows each charge with amount, status, reason and idempotency key', async () => {
    await app.get(ChargePaymentCommand).execute({ customerId: customer.id, amount: '25.00', currency: 'SGD', purpose: 'activation', idempotencyKey: 'ATT-1-r0' });
    const declining = await runCli(PaymentAddCard, ['--customer', customer.id, '--card', '4000000000000002', '--json']);
    const declinedCard = (declining.json?.result as { id: string }).id;
    await app.get(ChargePaymentCommand).execute({ customerId: customer.id, paymentMethodId: declinedCard, amount: '10.00', currency: 'SGD', purpose: 'vas', idempotencyKey: 'ATT-2-r0' });
    const { stdout } = await runCli(PaymentListAttempts, ['--customer', customer.id]);
    const rows = stdout.split('\n').slice(4);
    expect(rows[0]).toMatch(/^PAY-\d{6}\s+SGD 10\.00\s+vas\s+declined\s+card_declined_by_issuer\s+PM-0003\s+ATT-2-r0\s+2026-06-15 00:00:00$/);
    expect(rows[1]).toMatch(/^PAY-\d{6}\s+SGD 25\.00\s+activation\s+approved\s+—\s+PM-0002\s+ATT-1-r0\s+2026-06-15 00:00:00$/);
    const { json } = await runCli(PaymentListAttempts, ['--customer', customer.id, '--json']);
    expect(json?.result).toEqual([
      expect.objectContaining({ amount: '10.00', currency: 'SGD', status: 'declined', declineReason: 'card_declined_by_issuer', idempotencyKey: 'ATT-2-r0' }),
      expect.objectContaining({ amount: '25.00', currency: 'SGD', status: 'approved', declineReason: null, idempotencyKey: 'ATT-1-r0' }),
    ]);
  });

  it('remove-method needs --yes', async () => {
    const refused = await runCli(PaymentRemoveMethod, ['PM-0001']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('POLICY_VIOLATION cli.destructive.requires_yes');
  });

  it('remove-method --yes removes; removing the default promotes the newest remaining card', async () => {
    const { stdout, exitCode } = await runCli(PaymentRemoveMethod, ['PM-0002', '--yes']);
    expect(exitCode).toBe(0);
    expect(stdout).toBe('Removed PM-0002 mastercard•••4444; default is now PM-0003 visa•••0002');
  });

  it('remove-method: the last card of a customer with a live line is POLICY_VIOLATION, exit 2', async () => {
    const removed = await runCli(PaymentRemoveMethod, ['PM-0003', '--yes', '--json']);
    expect(removed.json).toMatchObject({ status: 0 });
    // Stands in for the subscription context's check (the CLI boots its own Nest context).
    const liveLine = jest.spyOn(LiveLinePort.prototype, 'hasLiveLine').mockResolvedValue(true);
    try {
      const json = await runCli(PaymentRemoveMethod, ['PM-0001', '--yes', '--json']);
      expect(json.exitCode).toBe(2);
      expect(json.json).toMatchObject({ status: 2, code: 'POLICY_VIOLATION', rule: 'payment.remove_method.not_last_if_active_subscription' });
    } finally {
      liveLine.mockRestore();
    }
  });

  describe('customer create --card', () => {
    it('creates the customer and attaches the card in one go', async () => {
      const { stdout, exitCode } = await runCli(CustomerCreate, ['--name', 'Alan Turing', '--email', 'alan@example.com', '--card', '4242424242424242']);
      expect(exitCode).toBe(0);
      const [created, attached] = stdout.split('\n');
      expect(created).toMatch(/^Created CUST-[0-9a-f]{8} Alan Turing$/);
      expect(attached).toMatch(/^Attached card PM-\d{4} visa•••4242$/);
      const customerId = created!.split(' ')[1]!;
      const { json } = await runCli(PaymentListMethods, ['--customer', customerId, '--json']);
      expect(json?.result).toEqual([expect.objectContaining({ brand: 'visa', last4: '4242', isDefault: true })]);
    });

    it('--json carries the card next to the customer', async () => {
      const { json } = await runCli(CustomerCreate, ['--name', 'Barbara Liskov', '--email', 'barbara@example.com', '--card', '5555 5555 5555 4444', '--json']);
      expect(json).toMatchObject({ status: 0, result: { name: 'Barbara Liskov', paymentMethod: { brand: 'mastercard', last4: '4444', isDefault: true } } });
    });

    it('a refused card leaves no customer behind (one transaction)', async () => {
      const bad = await runCli(CustomerCreate, ['--name', 'Edsger Dijkstra', '--email', 'edsger@example.com', '--card', '1234', '--json']);
      expect(bad.exitCode).toBe(2);
      expect(bad.json).toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'cardNumber' }] } });
      expect(await app.db.query(`select 1 from crm.contact_medium where value = 'edsger@example.com'`)).toEqual([]);
      const retry = await runCli(CustomerCreate, ['--name', 'Edsger Dijkstra', '--email', 'edsger@example.com', '--card', '4242424242424242']);
      expect(retry.exitCode).toBe(0);
    });
  });

  it('an unknown card is NOT_FOUND, exit 2', async () => {
    const json = await runCli(PaymentSetDefault, ['PM-9999', '--json']);
    expect(json.exitCode).toBe(2);
    expect(json.json).toMatchObject({ code: 'NOT_FOUND', context: { entity: 'payment_method', id: 'PM-9999' } });
  });
});
