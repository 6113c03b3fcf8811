import { AuditQueries } from '@bss/audit';
import { NotFound } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { createTestCustomer, expectRuleAsync, openTestTicket } from '#crm/testing';
import { AssignTicketCommand } from './assign-ticket.command';
import { TransitionTicketCommand } from './transition-ticket.command';

describe('AssignTicketCommand', () => {
  let app: TestApp;
  let assign: AssignTicketCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    assign = app.get(AssignTicketCommand);
    await app.db.query(`insert into crm.agent (id, name, email, role, status) values ('AGT-900', 'Gone', 'gone@bss-cli.local', 'csr', 'terminated')`);
  });
  afterAll(() => app.close());

  it('assigns and reassigns to active agents, emitting ticket.assigned', async () => {
    const customer = await createTestCustomer(app);
    const ticket = await openTestTicket(app, { customerId: customer.id });
    expect((await assign.execute({ ticketId: ticket.id, agentId: 'AGT-001' })).assignedToAgentId).toBe('AGT-001');
    expect((await assign.execute({ ticketId: ticket.id, agentId: 'AGT-002' })).assignedToAgentId).toBe('AGT-002');
    const [event] = await app.get(AuditQueries).list({ aggregateId: ticket.id, eventType: 'ticket.assigned' });
    expect(event.payload).toMatchObject({ fromAgentId: 'AGT-001', toAgentId: 'AGT-002' });
  });

  it('refuses a terminated agent, an unknown agent, and a finished ticket', async () => {
    const customer = await createTestCustomer(app);
    const ticket = await openTestTicket(app, { customerId: customer.id });
    await expectRuleAsync(assign.execute({ ticketId: ticket.id, agentId: 'AGT-900' }), 'ticket.assign.agent_must_be_active');
    await expect(assign.execute({ ticketId: ticket.id, agentId: 'AGT-999' })).rejects.toThrow(new NotFound('agent', 'AGT-999'));
    await app.get(TransitionTicketCommand).execute({ ticketId: ticket.id, trigger: 'cancel' });
    await expectRuleAsync(assign.execute({ ticketId: ticket.id, agentId: 'AGT-001' }), 'ticket.assign.ticket_is_done');
  });
});
