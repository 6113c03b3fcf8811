import { AuditQueries } from '@bss/audit';
import { InvalidInput } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { CustomerQueries } from '#crm/queries/customer.queries';
import { InteractionQueries } from '#crm/queries/interaction.queries';
import { expectRuleAsync } from '#crm/testing';
import { CreateCustomerCommand } from './create-customer.command';

describe('CreateCustomerCommand', () => {
  let app: TestApp;
  let create: CreateCustomerCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    await app.clock.freeze('2026-01-01T00:00:00Z');
    create = app.get(CreateCustomerCommand);
  });
  afterAll(() => app.close());

  it('creates an active customer with its party, individual and media, an event and an interaction', async () => {
    const customer = await create.execute({ givenName: 'Ada', familyName: 'Lovelace', email: 'Ada@Example.com', phone: '+6591234567', dateOfBirth: '1815-12-10' });
    expect(customer).toMatchObject({
      status: 'active',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+6591234567',
      dateOfBirth: '1815-12-10',
      kycStatus: 'not_verified',
      customerSince: new Date('2026-01-01T00:00:00Z'),
    });
    expect(customer.id).toMatch(/^CUST-[0-9a-f]{8}$/);
    expect(customer.partyId).toMatch(/^PTY-[0-9a-f]{8}$/);
    expect(customer.contactMedia.map((m) => [m.mediumType, m.isPrimary, m.id.slice(0, 3)])).toEqual([
      ['email', true, 'CM-'],
      ['phone', true, 'CM-'],
    ]);
    expect(await app.get(CustomerQueries).get(customer.id)).toEqual(customer);

    const [event] = await app.get(AuditQueries).list({ aggregateId: customer.id, eventType: 'customer.created' });
    expect(event).toMatchObject({ aggregateType: 'customer', occurredAt: '2026-01-01T00:00:00.000Z', payload: { customerId: customer.id } });
    const [interaction] = await app.get(InteractionQueries).listForCustomer(customer.id);
    expect(interaction).toMatchObject({ summary: 'Customer created', direction: 'inbound', channel: 'system' });
    expect(interaction.id).toMatch(/^INT-[0-9a-f]{8}$/);
  });

  it('accepts a phone-only customer', async () => {
    const customer = await create.execute({ givenName: 'Bob', familyName: 'Lim', phone: '+6598765432' });
    expect(customer.email).toBeNull();
    expect(customer.phone).toBe('+6598765432');
  });

  it('refuses a customer without any contact medium (requires_contact_medium), writing nothing', async () => {
    await expectRuleAsync(create.execute({ givenName: 'No', familyName: 'Contact' }), 'customer.create.requires_contact_medium');
    expect(await app.get(CustomerQueries).list({ name: 'No Contact' })).toEqual([]);
  });

  it('invariant 26: an email already live on a customer fails with email_unique, whatever its case', async () => {
    await create.execute({ givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.com' });
    const pv = await expectRuleAsync(
      create.execute({ givenName: 'Other', familyName: 'Grace', email: 'GRACE@example.COM' }),
      'customer.create.email_unique',
    );
    expect(pv.context).toMatchObject({ email: 'grace@example.com' });
    expect(await app.get(CustomerQueries).list({ name: 'Other Grace' })).toEqual([]);
  });

  it.each([
    ['email', { email: 'not-an-email' }],
    ['phone', { phone: '91234567' }],
    ['dateOfBirth', { dateOfBirth: '10/12/1815' }],
    ['givenName', { givenName: '   ' }],
  ])('refuses a malformed %s as InvalidInput naming the field', async (field, bad) => {
    const error = await create
      .execute({ givenName: 'Ada', familyName: 'Lovelace', email: 'ok@example.com', ...bad })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).fields.map((f) => f.field)).toContain(field);
  });
});

describe('CreateCustomerCommand under concurrency', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
  });
  afterAll(() => app.close());

  it('lets exactly one of two simultaneous sign-ups with one email through', async () => {
    const create = app.get(CreateCustomerCommand);
    const results = await Promise.allSettled(
      [1, 2].map((n) => create.execute({ givenName: `Racer${n}`, familyName: 'Same', email: 'race@example.com' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [failed] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed.reason).toMatchObject({ rule: 'customer.create.email_unique' });
  });
});
