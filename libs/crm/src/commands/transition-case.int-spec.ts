import { AuditQueries } from '@bss/audit';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { InteractionQueries } from '#crm/queries/interaction.queries';
import { TicketQueries } from '#crm/queries/ticket.queries';
import { createTestCustomer, expectRuleAsync, openTestCase, openTestTicket } from '#crm/testing';
import { TransitionCaseCommand } from './transition-case.command';
import { TransitionTicketCommand } from './transition-ticket.command';

describe('TransitionCaseCommand', () => {
  let app: TestApp;
  let move: TransitionCaseCommand;
  let moveTicket: TransitionTicketCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    await app.clock.freeze('2026-02-01T09:00:00Z');
    move = app.get(TransitionCaseCommand);
    moveTicket = app.get(TransitionTicketCommand);
  });
  afterAll(() => app.close());

  it('takes, waits for the customer, resumes and resolves, emitting case.<trigger> and logging each move', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    expect((await move.execute({ caseId: kase.id, trigger: 'take', agentId: 'AGT-001' })).state).toBe('in_progress');
    expect((await move.execute({ caseId: kase.id, trigger: 'await_customer' })).state).toBe('pending_customer');
    expect((await move.execute({ caseId: kase.id, trigger: 'resume' })).state).toBe('in_progress');
    const resolved = await move.execute({ caseId: kase.id, trigger: 'resolve' });
    expect(resolved).toMatchObject({ state: 'resolved', resolvedAt: new Date('2026-02-01T09:00:00Z') });

    const events = await app.get(AuditQueries).list({ aggregateId: kase.id, eventType: 'case.' });
    expect(events.map((e) => e.eventType).reverse()).toEqual(['case.opened', 'case.taken', 'case.awaiting_customer', 'case.resumed', 'case.resolved']);
    expect(events[0].payload).toMatchObject({ fromState: 'in_progress', toState: 'resolved', trigger: 'resolve' });
    const interactions = await app.get(InteractionQueries).listForCustomer(customer.id);
    expect(interactions.map((i) => i.summary)).toContain('Case take: open → in_progress');
    expect(interactions[0].summary).toBe('Case resolve: in_progress → resolved');
  });

  it('refuses an illegal trigger with case.transition.valid_from_state', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    await expectRuleAsync(move.execute({ caseId: kase.id, trigger: 'resume' }), 'case.transition.valid_from_state');
  });

  it('invariant 23: resolve is refused while any child ticket is not closed or cancelled — a resolved ticket still blocks', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    const ticket = await openTestTicket(app, { caseId: kase.id, assignedToAgentId: 'AGT-004' });
    await expectRuleAsync(move.execute({ caseId: kase.id, trigger: 'resolve' }), 'case.close.requires_all_tickets_resolved');
    for (const trigger of ['ack', 'start'] as const) await moveTicket.execute({ ticketId: ticket.id, trigger });
    await moveTicket.execute({ ticketId: ticket.id, trigger: 'resolve', resolutionNotes: 'reset the bearer' });
    await expectRuleAsync(move.execute({ caseId: kase.id, trigger: 'resolve' }), 'case.close.requires_all_tickets_resolved');
    await moveTicket.execute({ ticketId: ticket.id, trigger: 'close' });
    expect((await move.execute({ caseId: kase.id, trigger: 'resolve' })).state).toBe('resolved');
  });

  it('invariant 24: cancelling a case cancels its open tickets (and closes resolved ones)', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    const open = await openTestTicket(app, { caseId: kase.id });
    const working = await openTestTicket(app, { caseId: kase.id, assignedToAgentId: 'AGT-002' });
    await moveTicket.execute({ ticketId: working.id, trigger: 'ack' });
    const fixed = await openTestTicket(app, { caseId: kase.id, assignedToAgentId: 'AGT-002' });
    for (const trigger of ['ack', 'start'] as const) await moveTicket.execute({ ticketId: fixed.id, trigger });
    await moveTicket.execute({ ticketId: fixed.id, trigger: 'resolve', resolutionNotes: 'done' });

    const cancelled = await move.execute({ caseId: kase.id, trigger: 'cancel' });
    expect(cancelled).toMatchObject({ state: 'closed', closedAt: new Date('2026-02-01T09:00:00Z') });
    const tickets = app.get(TicketQueries);
    expect((await tickets.get(open.id)).state).toBe('cancelled');
    expect((await tickets.get(working.id)).state).toBe('cancelled');
    expect((await tickets.get(fixed.id)).state).toBe('closed');
    const history = await tickets.getDetail(open.id);
    expect(history.history.at(-1)).toMatchObject({ fromState: 'open', toState: 'cancelled', reason: `case ${kase.id} cancelled` });
    const [event] = await app.get(AuditQueries).list({ aggregateId: kase.id, eventType: 'case.cancelled' });
    expect((event.payload.ticketsWoundDown as string[]).sort()).toEqual([open.id, working.id, fixed.id].sort());
  });
});
