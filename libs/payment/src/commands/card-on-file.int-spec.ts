import { AuditQueries } from '@bss/audit';
import { CreateCustomerCommand, type CustomerView } from '@bss/crm';
import { createTestApp, type TestApp } from '@bss/testing';
import { PaymentModule } from '#payment/payment.module';
import { LiveLinePort } from '#payment/ports/live-line.port';
import { PaymentQueries } from '#payment/queries/payment.queries';
import { AddPaymentCardCommand } from './add-payment-card.command';
import { RemovePaymentMethodCommand } from './remove-payment-method.command';
import { SetDefaultPaymentMethodCommand } from './set-default-payment-method.command';

let seq = 0;
function newCustomer(app: TestApp): Promise<CustomerView> {
  seq += 1;
  return app.get(CreateCustomerCommand).execute({ givenName: 'Card', familyName: `Owner${seq}`, email: `owner${seq}.${Date.now()}@example.com` });
}

describe('cards on file: set default and remove', () => {
  let app: TestApp;
  let add: AddPaymentCardCommand;
  let setDefault: SetDefaultPaymentMethodCommand;
  let remove: RemovePaymentMethodCommand;
  let queries: PaymentQueries;
  const liveCustomers = new Set<string>();

  beforeAll(async () => {
    app = await createTestApp({ imports: [PaymentModule] });
    add = app.get(AddPaymentCardCommand);
    setDefault = app.get(SetDefaultPaymentMethodCommand);
    remove = app.get(RemovePaymentMethodCommand);
    queries = app.get(PaymentQueries);
    // What the subscription context registers in production.
    app.get(LiveLinePort).register(async (customerId) => liveCustomers.has(customerId));
    await app.clock.freeze('2026-06-15T00:00:00Z');
  });
  afterAll(() => app.close());

  async function threeCards(customerId: string) {
    const a = await add.execute({ customerId, cardNumber: '4242424242424242' });
    await app.clock.advance('1m');
    const b = await add.execute({ customerId, cardNumber: '5555555555554444' });
    await app.clock.advance('1m');
    const c = await add.execute({ customerId, cardNumber: '378282246310005' });
    return [a, b, c] as const;
  }

  describe('SetDefaultPaymentMethodCommand', () => {
    it('moves the default so exactly one card has it (invariant 40), and is idempotent', async () => {
      const customer = await newCustomer(app);
      const [a, b] = await threeCards(customer.id);
      expect(await setDefault.execute({ paymentMethodId: b.id })).toMatchObject({ id: b.id, isDefault: true });
      expect((await queries.defaultMethod(customer.id))?.id).toBe(b.id);
      expect((await queries.listMethods(customer.id)).filter((m) => m.isDefault).map((m) => m.id)).toEqual([b.id]);
      await setDefault.execute({ paymentMethodId: b.id });
      const events = await app.get(AuditQueries).list({ eventType: 'payment.default_set', aggregateId: b.id });
      expect(events).toHaveLength(1);
      expect(events[0]?.payload).toMatchObject({ previousDefaultId: a.id });
    });

    it('payment.set_default.removed: a removed card cannot be the default', async () => {
      const customer = await newCustomer(app);
      const [, b] = await threeCards(customer.id);
      await remove.execute({ paymentMethodId: b.id });
      await expect(setDefault.execute({ paymentMethodId: b.id })).rejects.toMatchObject({ rule: 'payment.set_default.removed' });
    });

    it('an unknown card is NotFound naming it; a malformed id is InvalidInput', async () => {
      await expect(setDefault.execute({ paymentMethodId: 'PM-9999' })).rejects.toMatchObject({ code: 'NOT_FOUND', context: { entity: 'payment_method', id: 'PM-9999' } });
      await expect(setDefault.execute({ paymentMethodId: 'card-1' })).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'paymentMethodId' }] } });
    });
  });

  describe('RemovePaymentMethodCommand', () => {
    it('soft-deletes; removing the default promotes the newest remaining card (§11.10)', async () => {
      const customer = await newCustomer(app);
      const [a, b, c] = await threeCards(customer.id);
      const result = await remove.execute({ paymentMethodId: a.id });
      expect(result.removed).toMatchObject({ id: a.id, status: 'removed', isDefault: false });
      expect(result.newDefault).toMatchObject({ id: c.id, isDefault: true });
      expect((await queries.listMethods(customer.id)).map((m) => m.id)).toEqual([c.id, b.id]);
      // The 360's cards panel: the same active cards, only the shown columns.
      expect(await queries.cardSummaries(customer.id)).toEqual((await queries.listMethods(customer.id)).map(({ id, brand, last4, isDefault, status }) => ({ id, brand, last4, isDefault, status })));
      expect(await queries.getMethod(a.id)).toMatchObject({ status: 'removed' });
      expect(await app.get(AuditQueries).list({ eventType: 'payment.method_removed', aggregateId: a.id })).toHaveLength(1);
    });

    it('removing a card that is not the default leaves the default alone', async () => {
      const customer = await newCustomer(app);
      const [a, b] = await threeCards(customer.id);
      expect((await remove.execute({ paymentMethodId: b.id })).newDefault).toBeNull();
      expect((await queries.defaultMethod(customer.id))?.id).toBe(a.id);
    });

    it('payment.remove_method.already_removed', async () => {
      const customer = await newCustomer(app);
      const [a] = await threeCards(customer.id);
      await remove.execute({ paymentMethodId: a.id });
      await expect(remove.execute({ paymentMethodId: a.id })).rejects.toMatchObject({ rule: 'payment.remove_method.already_removed' });
    });

    it('payment.remove_method.not_last_if_active_subscription: the last card stays while a line is live', async () => {
      const customer = await newCustomer(app);
      const only = await add.execute({ customerId: customer.id, cardNumber: '4242424242424242' });
      liveCustomers.add(customer.id);
      await expect(remove.execute({ paymentMethodId: only.id })).rejects.toMatchObject({ rule: 'payment.remove_method.not_last_if_active_subscription' });
      const spare = await add.execute({ customerId: customer.id, cardNumber: '5555555555554444' });
      expect((await remove.execute({ paymentMethodId: only.id })).newDefault?.id).toBe(spare.id);
      liveCustomers.delete(customer.id);
      expect((await remove.execute({ paymentMethodId: spare.id })).removed.status).toBe('removed');
      expect(await queries.hasActiveMethod(customer.id)).toBe(false);
    });

    it('with nothing registered a customer has no lines, so the last card may go', async () => {
      const port = new LiveLinePort();
      expect(await port.hasLiveLine('CUST-00000001')).toBe(false);
    });
  });
});
