import { AuditQueries } from '@bss/audit';
import { InvalidInput, NotFound } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { InteractionQueries } from '#crm/queries/interaction.queries';
import { createTestCustomer, expectRuleAsync } from '#crm/testing';
import { ChangeCustomerStatusCommand } from './change-customer-status.command';
import { OpenCaseCommand } from './open-case.command';

describe('OpenCaseCommand', () => {
  let app: TestApp;
  let open: OpenCaseCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    await app.clock.freeze('2026-02-01T09:00:00Z');
    open = app.get(OpenCaseCommand);
  });
  afterAll(() => app.close());

  it('opens a case for an active customer with defaults, an event and an interaction', async () => {
    const customer = await createTestCustomer(app);
    const kase = await open.execute({ customerId: customer.id, subject: 'Roaming not working', openedByAgentId: 'AGT-001' });
    expect(kase).toMatchObject({
      customerId: customer.id,
      state: 'open',
      priority: 'normal',
      category: 'general',
      openedByAgentId: 'AGT-001',
      openedAt: new Date('2026-02-01T09:00:00Z'),
      closedAt: null,
    });
    expect(kase.id).toMatch(/^CASE-[0-9a-f]{8}$/);
    const [event] = await app.get(AuditQueries).list({ aggregateId: kase.id, eventType: 'case.opened' });
    expect(event.payload).toMatchObject({ customerId: customer.id, subject: 'Roaming not working' });
    const [interaction] = await app.get(InteractionQueries).listForCustomer(customer.id);
    expect(interaction).toMatchObject({ summary: 'Case opened: Roaming not working', relatedCaseId: kase.id, agentId: 'AGT-001' });
  });

  it('accepts every priority of the union', async () => {
    const customer = await createTestCustomer(app);
    for (const priority of ['low', 'normal', 'medium', 'high', 'urgent', 'critical'] as const) {
      expect((await open.execute({ customerId: customer.id, subject: priority, priority })).priority).toBe(priority);
    }
  });

  it('refuses a customer that is not active (case.open.customer_must_be_active)', async () => {
    const customer = await createTestCustomer(app);
    await app.get(ChangeCustomerStatusCommand).execute({ customerId: customer.id, status: 'suspended' });
    await expectRuleAsync(open.execute({ customerId: customer.id, subject: 'x' }), 'case.open.customer_must_be_active');
  });

  it('names unknown customers and agents, and malformed fields', async () => {
    await expect(open.execute({ customerId: 'CUST-00000000', subject: 'x' })).rejects.toThrow(new NotFound('customer', 'CUST-00000000'));
    const customer = await createTestCustomer(app);
    await expect(open.execute({ customerId: customer.id, subject: 'x', openedByAgentId: 'AGT-999' })).rejects.toThrow(new NotFound('agent', 'AGT-999'));
    const error = await open.execute({ customerId: customer.id, subject: 'x', priority: 'asap' as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).fields[0].field).toBe('priority');
  });
});
