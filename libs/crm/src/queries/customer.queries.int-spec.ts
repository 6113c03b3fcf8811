import { createTestApp, type TestApp } from '@bss/testing';
import { NotFound } from '@bss/platform';
import { CloseCaseCommand } from '#crm/commands/close-case.command';
import { LogInteractionCommand } from '#crm/commands/log-interaction.command';
import { CrmModule } from '#crm/crm.module';
import { createTestCustomer, openTestCase, openTestTicket } from '#crm/testing';
import { ChangeCustomerStatusCommand } from '#crm/commands/change-customer-status.command';
import { CustomerQueries } from './customer.queries';
import { InteractionQueries } from './interaction.queries';

describe('CustomerQueries', () => {
  let app: TestApp;
  let customers: CustomerQueries;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    customers = app.get(CustomerQueries);
  });
  afterAll(() => app.close());

  it('get360: the customer, open cases with tickets, the closed count and the last 10 interactions, newest first', async () => {
    await app.clock.freeze('2026-05-01T09:00:00Z');
    const customer = await createTestCustomer(app);
    const done = await openTestCase(app, customer.id, { subject: 'Old billing question' });
    await app.get(CloseCaseCommand).execute({ caseId: done.id, resolutionCode: 'answered' });
    await app.clock.advance('1h');
    const open = await openTestCase(app, customer.id, { subject: 'No data', priority: 'high' });
    const ticket = await openTestTicket(app, { caseId: open.id });
    for (let i = 1; i <= 8; i++) {
      await app.clock.advance('1m');
      await app.get(LogInteractionCommand).execute({ customerId: customer.id, summary: `call ${i}` });
    }

    const view = await customers.get360(customer.id);
    expect(view.customer).toEqual(await customers.get(customer.id));
    expect(view.openCases).toEqual([expect.objectContaining({ id: open.id, state: 'open', tickets: [expect.objectContaining({ id: ticket.id })] })]);
    expect(view.closedCaseCount).toBe(1);
    expect(view.interactions).toHaveLength(10);
    expect(view.interactions.slice(0, 3).map((i) => i.summary)).toEqual(['call 8', 'call 7', 'call 6']);
    expect(view.interactions.slice(-2).map((i) => i.summary)).toEqual(['Ticket opened: service_outage — Data bearer down', 'Case opened: No data']);
    expect(view).not.toHaveProperty('subscriptions');
  });

  it('getWithActivity: in one read, the customer as get() reads it and the newest cases and interactions, as the panels list them, up to their limits', async () => {
    await app.clock.freeze('2026-05-02T09:00:00Z');
    const customer = await createTestCustomer(app);
    const first = await openTestCase(app, customer.id, { subject: 'First' });
    await app.clock.advance('1m');
    const second = await openTestCase(app, customer.id, { subject: 'Second', priority: 'high' });
    await app.clock.advance('1m');
    await app.get(LogInteractionCommand).execute({ customerId: customer.id, summary: 'latest call' });

    const view = await customers.getWithActivity(customer.id, { cases: 5, interactions: 2 });
    expect(view.customer).toEqual(await customers.get(customer.id));
    expect(view.cases).toEqual([
      { id: second.id, subject: 'Second', priority: 'high', state: 'open' },
      { id: first.id, subject: 'First', priority: first.priority, state: 'open' },
    ]);
    const listed = await app.get(InteractionQueries).listForCustomer(customer.id, 2);
    expect(view.interactions).toEqual(listed.map(({ occurredAt, channel, summary, actor }) => ({ occurredAt, channel, summary, actor })));
    expect(view.interactions[0].summary).toBe('latest call');
    expect((await customers.getWithActivity(customer.id, { cases: 1, interactions: 1 })).cases.map((c) => c.id)).toEqual([second.id]);
    const quiet = await createTestCustomer(app);
    expect(await customers.getWithActivity(quiet.id, { cases: 5, interactions: 5 })).toEqual({
      customer: await customers.get(quiet.id),
      cases: [],
      interactions: [expect.objectContaining({ summary: 'Customer created' })],
    });
    await expect(customers.getWithActivity('CUST-00000000', { cases: 5, interactions: 5 })).rejects.toBeInstanceOf(NotFound);
  });

    it('findByEmail matches live emails case-insensitively', async () => {
    const customer = await createTestCustomer(app, { email: 'Mixed.Case@Example.com' });
    expect((await customers.findByEmail('mixed.case@EXAMPLE.com'))?.id).toBe(customer.id);
    expect(await customers.findByEmail('nobody@example.com')).toBeNull();
  });

  it('list filters by status and name substring, newest first', async () => {
    await app.clock.freeze('2026-06-01T00:00:00Z');
    const a = await createTestCustomer(app, { givenName: 'Zelda', familyName: 'Quartz' });
    await app.clock.advance('1m');
    const b = await createTestCustomer(app, { givenName: 'Zed', familyName: 'Quartzite' });
    await app.get(ChangeCustomerStatusCommand).execute({ customerId: b.id, status: 'suspended' });
    expect((await customers.list({ name: 'quartz' })).map((c) => c.id)).toEqual([b.id, a.id]);
    expect((await customers.list({ name: 'quartz', status: 'active' })).map((c) => c.id)).toEqual([a.id]);
    expect(await customers.list({ name: '100%_' })).toEqual([]);
    expect(await customers.list({ limit: 1 })).toHaveLength(1);
  });

  it('names an unknown id', async () => {
    await expect(customers.get('CUST-00000000')).rejects.toThrow(new NotFound('customer', 'CUST-00000000'));
    await expect(customers.get360('CUST-00000000')).rejects.toBeInstanceOf(NotFound);
  });
});
