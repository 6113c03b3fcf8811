import { AuditQueries } from '@bss/audit';
import { NotFound } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { CaseQueries } from '#crm/queries/case.queries';
import { createTestCustomer, expectRuleAsync, openTestCase, openTestTicket } from '#crm/testing';
import { CloseCaseCommand } from './close-case.command';
import { TransitionCaseCommand } from './transition-case.command';
import { TransitionTicketCommand } from './transition-ticket.command';

describe('CloseCaseCommand', () => {
  let app: TestApp;
  let close: CloseCaseCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    await app.clock.freeze('2026-02-01T09:00:00Z');
    close = app.get(CloseCaseCommand);
  });
  afterAll(() => app.close());

  it('resolves an open case first, then closes it with the code', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    const closed = await close.execute({ caseId: kase.id, resolutionCode: 'resolved' });
    expect(closed).toMatchObject({
      state: 'closed',
      resolutionCode: 'resolved',
      resolvedAt: new Date('2026-02-01T09:00:00Z'),
      closedAt: new Date('2026-02-01T09:00:00Z'),
    });
    const events = await app.get(AuditQueries).list({ aggregateId: kase.id });
    expect(events.map((e) => e.eventType).reverse()).toEqual(['case.opened', 'case.resolved', 'case.closed']);
    expect(events[0].payload).toMatchObject({ resolutionCode: 'resolved', fromState: 'resolved', toState: 'closed' });
  });

  it('closes an already resolved case', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    await app.get(TransitionCaseCommand).execute({ caseId: kase.id, trigger: 'resolve' });
    expect((await close.execute({ caseId: kase.id, resolutionCode: 'duplicate' })).state).toBe('closed');
  });

  it('invariant 24: closing without a resolution code fails, and writes nothing', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    await expectRuleAsync(close.execute({ caseId: kase.id }), 'case.close.requires_resolution_code');
    await expectRuleAsync(close.execute({ caseId: kase.id, resolutionCode: '  ' }), 'case.close.requires_resolution_code');
    expect((await app.get(CaseQueries).get(kase.id)).state).toBe('open');
  });

  it('invariant 23: closing with a ticket that is not closed/cancelled fails (resolved still blocks), rolling back the auto-resolve', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    const ticket = await openTestTicket(app, { caseId: kase.id, assignedToAgentId: 'AGT-004' });
    await expectRuleAsync(close.execute({ caseId: kase.id, resolutionCode: 'fixed' }), 'case.close.requires_all_tickets_resolved');
    const tickets = app.get(TransitionTicketCommand);
    for (const trigger of ['ack', 'start'] as const) await tickets.execute({ ticketId: ticket.id, trigger });
    await tickets.execute({ ticketId: ticket.id, trigger: 'resolve', resolutionNotes: 'fixed' });
    await expectRuleAsync(close.execute({ caseId: kase.id, resolutionCode: 'fixed' }), 'case.close.requires_all_tickets_resolved');
    expect((await app.get(CaseQueries).get(kase.id)).state).toBe('open');
    expect(await app.get(AuditQueries).list({ aggregateId: kase.id, eventType: 'case.resolved' })).toEqual([]);
    await tickets.execute({ ticketId: ticket.id, trigger: 'close' });
    expect((await close.execute({ caseId: kase.id, resolutionCode: 'fixed' })).state).toBe('closed');
  });

  it('cannot close from pending_customer (resolve is not legal there), nor close twice', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    const move = app.get(TransitionCaseCommand);
    await move.execute({ caseId: kase.id, trigger: 'take' });
    await move.execute({ caseId: kase.id, trigger: 'await_customer' });
    await expectRuleAsync(close.execute({ caseId: kase.id, resolutionCode: 'x' }), 'case.transition.valid_from_state');
    await move.execute({ caseId: kase.id, trigger: 'resume' });
    await close.execute({ caseId: kase.id, resolutionCode: 'x' });
    await expectRuleAsync(close.execute({ caseId: kase.id, resolutionCode: 'x' }), 'case.transition.valid_from_state');
  });

  it('names an unknown case', async () => {
    await expect(close.execute({ caseId: 'CASE-00000000', resolutionCode: 'x' })).rejects.toThrow(new NotFound('case', 'CASE-00000000'));
  });
});
