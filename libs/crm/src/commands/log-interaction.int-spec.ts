import { AuditQueries } from '@bss/audit';
import { runWithAuth } from '@bss/policies';
import { NotFound } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { InteractionQueries } from '#crm/queries/interaction.queries';
import { createTestCustomer } from '#crm/testing';
import { InteractionLog } from './interaction-log';
import { LogInteractionCommand } from './log-interaction.command';
import { UnitOfWork } from '@bss/audit';

describe('LogInteractionCommand / InteractionLog', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
  });
  afterAll(() => app.close());

  it('posts a manual interaction with its own channel and direction', async () => {
    const customer = await createTestCustomer(app);
    const logged = await app
      .get(LogInteractionCommand)
      .execute({ customerId: customer.id, summary: 'Called about roaming', channel: 'phone', direction: 'outbound', agentId: 'AGT-002' });
    expect(logged).toMatchObject({ channel: 'phone', direction: 'outbound', agentId: 'AGT-002', summary: 'Called about roaming' });
    const [event] = await app.get(AuditQueries).list({ aggregateId: customer.id, eventType: 'interaction.logged' });
    expect(event.payload).toMatchObject({ interactionId: logged.id });
  });

  it("records other contexts' writes with the request's channel and actor, in their transaction", async () => {
    const customer = await createTestCustomer(app);
    const log = app.get(InteractionLog);
    const uow = app.get(UnitOfWork);
    await runWithAuth({ actor: 'csr-7', channel: 'cockpit' }, () =>
      uow.run((w) => log.record(w, { customerId: customer.id, summary: 'Card added', relatedTicketId: null })),
    );
    await expect(
      uow.run(async (w) => {
        await log.record(w, { customerId: customer.id, summary: 'rolled back' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const [latest] = await app.get(InteractionQueries).listForCustomer(customer.id);
    expect(latest).toMatchObject({ summary: 'Card added', channel: 'cockpit', actor: 'csr-7', direction: 'inbound' });
  });

  it('names an unknown customer', async () => {
    await expect(app.get(LogInteractionCommand).execute({ customerId: 'CUST-00000000', summary: 'x' })).rejects.toThrow(
      new NotFound('customer', 'CUST-00000000'),
    );
  });
});
