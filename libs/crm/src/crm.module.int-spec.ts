import { resetOperationalData } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from './crm.module';
import { AgentQueries } from './queries/agent.queries';
import { createTestCustomer, openTestCase, openTestTicket } from './testing';
import { CreatePortRequestCommand } from './commands/create-port-request.command';

describe('CrmModule seed and reset', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
  });
  afterAll(() => app.close());

  it('seeds the five agents and twelve SLA policies, idempotently', async () => {
    await app.db.seed();
    const agents = await app.get(AgentQueries).list();
    expect(agents.map((a) => [a.id, a.role, a.status])).toEqual([
      ['AGT-001', 'csr', 'active'],
      ['AGT-002', 'csr', 'active'],
      ['AGT-003', 'supervisor', 'active'],
      ['AGT-004', 'engineer', 'active'],
      ['AGT-SYS', 'system', 'active'],
    ]);
    expect(await app.db.query(`select count(*)::int as n from crm.sla_policy`)).toEqual([{ n: 12 }]);
  });

  it('reset removes operational rows but keeps agents and SLA policies', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    await openTestTicket(app, { caseId: kase.id });
    await app.get(CreatePortRequestCommand).execute({ direction: 'port_in', donorCarrier: 'M1', donorMsisdn: '81239999' });
    await app.db.transaction((tx) => resetOperationalData(tx));
    const counts = await app.db.query<{ t: string; n: number }>(
      `select 'customer' as t, count(*)::int as n from crm.customer union all
       select 'case', count(*)::int from crm."case" union all
       select 'ticket', count(*)::int from crm.ticket union all
       select 'interaction', count(*)::int from crm.interaction union all
       select 'port_request', count(*)::int from crm.port_request union all
       select 'party', count(*)::int from crm.party union all
       select 'agent', count(*)::int from crm.agent union all
       select 'sla_policy', count(*)::int from crm.sla_policy`,
    );
    expect(Object.fromEntries(counts.map((c) => [c.t, c.n]))).toEqual({
      customer: 0,
      case: 0,
      ticket: 0,
      interaction: 0,
      port_request: 0,
      party: 0,
      agent: 5,
      sla_policy: 12,
    });
  });
});
