import { NotFound } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { NoteCaseCommand } from '#crm/commands/note-case.command';
import { TransitionCaseCommand } from '#crm/commands/transition-case.command';
import { CreatePortRequestCommand } from '#crm/commands/create-port-request.command';
import { CrmModule } from '#crm/crm.module';
import { createTestCustomer, openTestCase, openTestTicket } from '#crm/testing';
import { AgentQueries } from './agent.queries';
import { CaseQueries } from './case.queries';
import { PortRequestQueries } from './port-request.queries';
import { TicketQueries } from './ticket.queries';

describe('CaseQueries / TicketQueries / AgentQueries / PortRequestQueries', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    await app.clock.freeze('2026-07-01T00:00:00Z');
  });
  afterAll(() => app.close());

  it('case list filters by customer and state; getDetail carries tickets and notes', async () => {
    const customer = await createTestCustomer(app);
    const first = await openTestCase(app, customer.id, { subject: 'first' });
    await app.clock.advance('1m');
    const second = await openTestCase(app, customer.id, { subject: 'second' });
    await app.get(TransitionCaseCommand).execute({ caseId: second.id, trigger: 'take' });
    const ticket = await openTestTicket(app, { caseId: first.id });
    await app.get(NoteCaseCommand).execute({ caseId: first.id, body: 'note' });

    const cases = app.get(CaseQueries);
    expect((await cases.list({ customerId: customer.id })).map((c) => c.id)).toEqual([second.id, first.id]);
    expect((await cases.list({ customerId: customer.id, state: 'in_progress' })).map((c) => c.id)).toEqual([second.id]);
    const detail = await cases.getDetail(first.id);
    expect(detail.tickets.map((t) => t.id)).toEqual([ticket.id]);
    expect(detail.notes.map((n) => n.body)).toEqual(['note']);
    await expect(cases.get('CASE-00000000')).rejects.toThrow(new NotFound('case', 'CASE-00000000'));
  });

  it('ticket list filters by case, customer, state and agent', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    const mine = await openTestTicket(app, { caseId: kase.id, assignedToAgentId: 'AGT-004' });
    const loose = await openTestTicket(app, { customerId: customer.id });
    const tickets = app.get(TicketQueries);
    expect((await tickets.list({ caseId: kase.id })).map((t) => t.id)).toEqual([mine.id]);
    expect((await tickets.list({ customerId: customer.id })).map((t) => t.id).sort()).toEqual([mine.id, loose.id].sort());
    expect((await tickets.list({ agentId: 'AGT-004', state: 'open' })).map((t) => t.id)).toContain(mine.id);
    await expect(tickets.get('TKT-00000000')).rejects.toThrow(new NotFound('ticket', 'TKT-00000000'));
  });

  it('agents and port requests read back', async () => {
    expect(await app.get(AgentQueries).get('AGT-003')).toEqual({
      id: 'AGT-003',
      name: 'Carol Ng',
      email: 'carol.ng@bss-cli.local',
      role: 'supervisor',
      status: 'active',
    });
    await expect(app.get(AgentQueries).get('AGT-999')).rejects.toBeInstanceOf(NotFound);
    const request = await app.get(CreatePortRequestCommand).execute({ direction: 'port_in', donorCarrier: 'M1', donorMsisdn: '81234321' });
    const ports = app.get(PortRequestQueries);
    expect(await ports.get(request.id)).toEqual(request);
    expect((await ports.list({ state: 'requested', direction: 'port_in' })).map((p) => p.id)).toEqual([request.id]);
    expect(await ports.list({ direction: 'port_out' })).toEqual([]);
  });
});
