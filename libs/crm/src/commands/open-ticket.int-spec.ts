import { AuditQueries } from '@bss/audit';
import { NotFound } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { TicketQueries } from '#crm/queries/ticket.queries';
import { createTestCustomer, expectRuleAsync, openTestCase } from '#crm/testing';
import { CloseCaseCommand } from './close-case.command';
import { OpenTicketCommand } from './open-ticket.command';

const OPENED = new Date('2026-03-01T10:00:00Z');
const plusMinutes = (m: number) => new Date(OPENED.getTime() + m * 60_000);

describe('OpenTicketCommand', () => {
  let app: TestApp;
  let open: OpenTicketCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    await app.clock.freeze(OPENED);
    open = app.get(OpenTicketCommand);
  });
  afterAll(() => app.close());

  it('opens a ticket under a case, inheriting its customer, with a null → open history row and an event', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    const ticket = await open.execute({ caseId: kase.id, ticketType: 'billing_dispute', subject: 'Charged twice', priority: 'high' });
    expect(ticket).toMatchObject({ customerId: customer.id, caseId: kase.id, state: 'open', priority: 'high', openedAt: OPENED });
    expect(ticket.id).toMatch(/^TKT-[0-9a-f]{8}$/);
    const detail = await app.get(TicketQueries).getDetail(ticket.id);
    expect(detail.history).toEqual([expect.objectContaining({ fromState: null, toState: 'open', eventTime: OPENED })]);
    const [event] = await app.get(AuditQueries).list({ aggregateId: ticket.id, eventType: 'ticket.opened' });
    expect(event.payload).toMatchObject({ slaPolicyId: 'SLA_BILLING_DISPUTE_HIGH', slaDueAt: plusMinutes(480).toISOString() });
  });

  it.each([
    ['service_outage', 'urgent', 30],
    ['service_outage', 'low', 480],
    ['billing_dispute', 'normal', 1440],
    ['configuration', 'high', 720],
  ] as const)('sets slaDueAt from the %s/%s policy (+%i min) — the reference never did', async (ticketType, priority, minutes) => {
    const customer = await createTestCustomer(app);
    const ticket = await open.execute({ customerId: customer.id, ticketType, priority, subject: 's' });
    expect(ticket.slaDueAt).toEqual(plusMinutes(minutes));
  });

  it('leaves slaDueAt null where no policy matches, and defaults to information_request / normal', async () => {
    const customer = await createTestCustomer(app);
    const ticket = await open.execute({ customerId: customer.id, subject: 'How do I roam?' });
    expect(ticket).toMatchObject({ ticketType: 'information_request', priority: 'normal', slaDueAt: null });
  });

  it('enforces the customer rules: required, matching the case, and existing', async () => {
    await expectRuleAsync(open.execute({ subject: 'orphan' }), 'ticket.open.requires_customer');
    const a = await createTestCustomer(app);
    const b = await createTestCustomer(app);
    const caseOfA = await openTestCase(app, a.id);
    await expectRuleAsync(open.execute({ caseId: caseOfA.id, customerId: b.id, subject: 's' }), 'ticket.open.customer_matches_case');
    await expect(open.execute({ customerId: 'CUST-00000000', subject: 's' })).rejects.toThrow(new NotFound('customer', 'CUST-00000000'));
    await expect(open.execute({ caseId: 'CASE-00000000', subject: 's' })).rejects.toThrow(new NotFound('case', 'CASE-00000000'));
  });

  it('refuses a closed case and an inactive or unknown assignee', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    await app.get(CloseCaseCommand).execute({ caseId: kase.id, resolutionCode: 'resolved' });
    await expectRuleAsync(open.execute({ caseId: kase.id, subject: 's' }), 'ticket.open.case_is_closed');
    await app.db.query(`insert into crm.agent (id, name, email, role, status) values ('AGT-900', 'Gone', 'gone@bss-cli.local', 'csr', 'terminated')`);
    await expectRuleAsync(open.execute({ customerId: customer.id, subject: 's', assignedToAgentId: 'AGT-900' }), 'ticket.assign.agent_must_be_active');
    await expect(open.execute({ customerId: customer.id, subject: 's', assignedToAgentId: 'AGT-999' })).rejects.toThrow(new NotFound('agent', 'AGT-999'));
  });
});
