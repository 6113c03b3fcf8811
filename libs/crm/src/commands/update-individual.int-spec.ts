import { AuditQueries } from '@bss/audit';
import { NotFound } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { InteractionQueries } from '#crm/queries/interaction.queries';
import { createTestCustomer, expectRuleAsync } from '#crm/testing';
import { ChangeCustomerStatusCommand } from './change-customer-status.command';
import { UpdateIndividualCommand } from './update-individual.command';

describe('UpdateIndividualCommand', () => {
  let app: TestApp;
  let update: UpdateIndividualCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    update = app.get(UpdateIndividualCommand);
  });
  afterAll(() => app.close());

  it('changes only the given fields, emits customer.individual_updated and logs an interaction', async () => {
    const customer = await createTestCustomer(app);
    const updated = await update.execute({ customerId: customer.id, familyName: 'King' });
    expect(updated).toMatchObject({ givenName: 'Ada', familyName: 'King', name: 'Ada King' });
    const [event] = await app.get(AuditQueries).list({ aggregateId: customer.id, eventType: 'customer.individual_updated' });
    expect(event.payload).toEqual({ customerId: customer.id, changed: ['familyName'] });
    const [latest] = await app.get(InteractionQueries).listForCustomer(customer.id);
    expect(latest.summary).toBe('Name/details updated: familyName');
  });

  it('refuses an update with no fields (customer.update_individual.no_fields)', async () => {
    const customer = await createTestCustomer(app);
    await expectRuleAsync(update.execute({ customerId: customer.id }), 'customer.update_individual.no_fields');
  });

  it('refuses to edit a closed customer', async () => {
    const customer = await createTestCustomer(app);
    await app.get(ChangeCustomerStatusCommand).execute({ customerId: customer.id, status: 'closed' });
    await expectRuleAsync(update.execute({ customerId: customer.id, givenName: 'X' }), 'customer.update.customer_is_closed');
  });

  it('names an unknown customer', async () => {
    await expect(update.execute({ customerId: 'CUST-00000000', givenName: 'X' })).rejects.toThrow(new NotFound('customer', 'CUST-00000000'));
  });
});
