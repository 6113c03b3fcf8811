import { AuditQueries } from '@bss/audit';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { CustomerLinesPort } from '#crm/ports/customer-lines.port';
import { InteractionQueries } from '#crm/queries/interaction.queries';
import { createTestCustomer, expectRuleAsync } from '#crm/testing';
import { ChangeCustomerStatusCommand } from './change-customer-status.command';

describe('ChangeCustomerStatusCommand', () => {
  let app: TestApp;
  let change: ChangeCustomerStatusCommand;
  const liveLines = new Map<string, string[]>();

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    change = app.get(ChangeCustomerStatusCommand);
    // Stands in for the subscription context, which registers its own lookup.
    app.get(CustomerLinesPort).register(async (customerId) => liveLines.get(customerId) ?? []);
  });
  afterAll(() => app.close());

  it('suspends, reactivates and closes a customer without lines', async () => {
    const customer = await createTestCustomer(app);
    expect(await change.execute({ customerId: customer.id, status: 'suspended', reason: 'fraud check' })).toMatchObject({
      status: 'suspended',
      statusReason: 'fraud check',
    });
    expect((await change.execute({ customerId: customer.id, status: 'active' })).status).toBe('active');
    expect((await change.execute({ customerId: customer.id, status: 'closed' })).status).toBe('closed');
    const events = await app.get(AuditQueries).list({ aggregateId: customer.id, eventType: 'customer.status_changed' });
    expect(events.map((e) => e.payload.toStatus)).toEqual(['closed', 'active', 'suspended']);
    const [latest] = await app.get(InteractionQueries).listForCustomer(customer.id);
    expect(latest.summary).toBe('Customer close: active → closed');
  });

  it('invariant 27: deactivating a customer with a live line fails and lists the line ids', async () => {
    const customer = await createTestCustomer(app);
    liveLines.set(customer.id, ['SUB-0007', 'SUB-0009']);
    const pv = await expectRuleAsync(change.execute({ customerId: customer.id, status: 'closed' }), 'customer.close.no_active_subscriptions');
    expect(pv.message).toContain('SUB-0007, SUB-0009');
    expect(pv.context).toMatchObject({ liveLineIds: ['SUB-0007', 'SUB-0009'] });
    await expectRuleAsync(change.execute({ customerId: customer.id, status: 'suspended' }), 'customer.close.no_active_subscriptions');
  });

  it('refuses illegal moves: closed is terminal', async () => {
    const customer = await createTestCustomer(app);
    await change.execute({ customerId: customer.id, status: 'closed' });
    await expectRuleAsync(change.execute({ customerId: customer.id, status: 'active' }), 'customer.transition.valid_from_state');
  });

  it('without a registered lookup a customer has no lines', async () => {
    expect(await new CustomerLinesPort().liveLineIds('CUST-00000000')).toEqual([]);
  });
});
