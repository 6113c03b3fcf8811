import { AuditQueries } from '@bss/audit';
import { InvalidInput } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { InteractionQueries } from '#crm/queries/interaction.queries';
import { TicketQueries } from '#crm/queries/ticket.queries';
import { createTestCustomer, expectRuleAsync, openTestTicket } from '#crm/testing';
import { TransitionTicketCommand } from './transition-ticket.command';

const NOW = new Date('2026-03-01T10:00:00Z');

describe('TransitionTicketCommand', () => {
  let app: TestApp;
  let move: TransitionTicketCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    await app.clock.freeze(NOW);
    move = app.get(TransitionTicketCommand);
    await app.db.query(`insert into crm.agent (id, name, email, role, status) values ('AGT-900', 'Gone', 'gone@bss-cli.local', 'csr', 'terminated')`);
  });
  afterAll(() => app.close());

  it('walks ack → start → wait → resume → resolve → reopen → resolve → close with a history row per move', async () => {
    const customer = await createTestCustomer(app);
    const ticket = await openTestTicket(app, { customerId: customer.id });
    const steps = [
      { trigger: 'ack', assignedToAgentId: 'AGT-004' },
      { trigger: 'start' },
      { trigger: 'wait', reason: 'waiting on HLR vendor' },
      { trigger: 'resume' },
      { trigger: 'resolve', resolutionNotes: 'Reprovisioned the bearer' },
      { trigger: 'reopen', reason: 'customer says still down' },
      { trigger: 'resolve', resolutionNotes: 'Replaced the profile' },
      { trigger: 'close', changedByAgentId: 'AGT-003' },
    ] as const;
    for (const step of steps) await move.execute({ ticketId: ticket.id, ...step });

    const detail = await app.get(TicketQueries).getDetail(ticket.id);
    expect(detail).toMatchObject({
      state: 'closed',
      assignedToAgentId: 'AGT-004',
      resolutionNotes: 'Replaced the profile',
      resolvedAt: NOW,
      closedAt: NOW,
    });
    expect(detail.history.map((h) => `${h.fromState ?? 'null'}→${h.toState}`)).toEqual([
      'null→open',
      'open→acknowledged',
      'acknowledged→in_progress',
      'in_progress→pending',
      'pending→in_progress',
      'in_progress→resolved',
      'resolved→in_progress',
      'in_progress→resolved',
      'resolved→closed',
    ]);
    expect(detail.history[3]).toMatchObject({ trigger: 'wait', reason: 'waiting on HLR vendor' });
    expect(detail.history.at(-1)).toMatchObject({ changedByAgentId: 'AGT-003', actor: 'system' });
    const events = await app.get(AuditQueries).list({ aggregateId: ticket.id });
    expect(events.map((e) => e.eventType).reverse()).toEqual([
      'ticket.opened',
      'ticket.acknowledged',
      'ticket.started',
      'ticket.waiting',
      'ticket.resumed',
      'ticket.resolved',
      'ticket.reopened',
      'ticket.resolved',
      'ticket.closed',
    ]);
    const [latest] = await app.get(InteractionQueries).listForCustomer(customer.id);
    expect(latest).toMatchObject({ summary: 'Ticket close: resolved → closed', relatedTicketId: ticket.id });
  });

  it('ack uses the assignee already set', async () => {
    const customer = await createTestCustomer(app);
    const ticket = await openTestTicket(app, { customerId: customer.id, assignedToAgentId: 'AGT-001' });
    expect(await move.execute({ ticketId: ticket.id, trigger: 'ack' })).toMatchObject({ state: 'acknowledged', assignedToAgentId: 'AGT-001' });
  });

  it('invariant 25: ack without an active agent fails, resolve without notes fails, cancelling a resolved ticket fails', async () => {
    const customer = await createTestCustomer(app);
    const ticket = await openTestTicket(app, { customerId: customer.id });
    await expectRuleAsync(move.execute({ ticketId: ticket.id, trigger: 'ack' }), 'ticket.ack.requires_agent');
    await expectRuleAsync(move.execute({ ticketId: ticket.id, trigger: 'ack', assignedToAgentId: 'AGT-900' }), 'ticket.assign.agent_must_be_active');
    await move.execute({ ticketId: ticket.id, trigger: 'ack', assignedToAgentId: 'AGT-002' });
    await move.execute({ ticketId: ticket.id, trigger: 'start' });
    await expectRuleAsync(move.execute({ ticketId: ticket.id, trigger: 'resolve' }), 'ticket.resolve.requires_resolution_notes');
    await expectRuleAsync(move.execute({ ticketId: ticket.id, trigger: 'resolve', resolutionNotes: '  ' }), 'ticket.resolve.requires_resolution_notes');
    await move.execute({ ticketId: ticket.id, trigger: 'resolve', resolutionNotes: 'fixed' });
    await expectRuleAsync(move.execute({ ticketId: ticket.id, trigger: 'cancel' }), 'ticket.cancel.not_if_resolved_or_closed');
    expect((await app.get(TicketQueries).get(ticket.id)).state).toBe('resolved');
  });

  it('cancels before resolution, setting closedAt; then nothing more moves', async () => {
    const customer = await createTestCustomer(app);
    const ticket = await openTestTicket(app, { customerId: customer.id });
    expect(await move.execute({ ticketId: ticket.id, trigger: 'cancel', reason: 'duplicate' })).toMatchObject({ state: 'cancelled', closedAt: NOW });
    await expectRuleAsync(move.execute({ ticketId: ticket.id, trigger: 'reopen' }), 'ticket.transition.valid_from_state');
    await expectRuleAsync(move.execute({ ticketId: ticket.id, trigger: 'cancel' }), 'ticket.transition.valid_from_state');
  });

  it('refuses fields that only another trigger reads', async () => {
    const customer = await createTestCustomer(app);
    const ticket = await openTestTicket(app, { customerId: customer.id });
    await expect(move.execute({ ticketId: ticket.id, trigger: 'cancel', resolutionNotes: 'x' })).rejects.toBeInstanceOf(InvalidInput);
    await expect(move.execute({ ticketId: ticket.id, trigger: 'start', assignedToAgentId: 'AGT-001' })).rejects.toBeInstanceOf(InvalidInput);
  });
});
