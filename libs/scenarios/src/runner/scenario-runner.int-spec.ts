import { BssCoreModule } from '@bss/core';
import { createTestApp, type TestApp } from '@bss/testing';
import { parseScenario } from '#scenarios/domain/scenario-file';
import type { Scenario } from '#scenarios/domain/scenario.schema';
import { ScenarioRunner } from './scenario-runner';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

function scenario(source: string): Scenario {
  const parsed = parseScenario(source, 'inline.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

const BUY_A_LINE = `name: buy-a-line
description: a customer buys PLAN_S and the order completes
clock: 2026-03-01T10:00:00Z
steps:
  - tool: customer.create
    args: { givenName: Lin, familyName: Test, email: lin.runner@example.com, cardNumber: "4242424242424242" }
    save: lin
  - tool: customer.attest_kyc
    args: { customerId: "\${lin.id}", provider: prebaked, providerReference: PB-LIN, documentType: passport, documentNumber: E0001112, attestationPayload: { signature: s } }
  - tool: order.create
    args: { customerId: "\${lin.id}", offeringId: PLAN_S }
    save: order
  - wait: order_completed
    order: \${order.id}
    save: done
  - assert:
      tool: subscription.show
      args: { subscriptionId: "\${done.subscriptionId}" }
      that:
        - { path: $.state, eq: active }
        - { path: $.currentPeriodStart, eq: "2026-03-01T10:00:00.000Z" }
`;

describe('ScenarioRunner', () => {
  let app: TestApp;
  let runner: ScenarioRunner;
  beforeAll(async () => {
    app = await createTestApp({ imports: [BssCoreModule] });
    runner = new ScenarioRunner(app.context);
  });
  afterAll(() => app.close());

  it('runs tool, wait and assert steps from a frozen clock and reports each step', async () => {
    const report = await runner.run(scenario(BUY_A_LINE));
    expect(report.failure).toBeUndefined();
    expect(report).toMatchObject({ name: 'buy-a-line', ok: true });
    expect(report.steps.map((s) => `${s.line} ${s.label} ${s.ok}`)).toEqual([
      '5 tool customer.create true',
      '8 tool customer.attest_kyc true',
      '10 tool order.create true',
      '13 wait order_completed true',
      '16 assert subscription.show true',
    ]);
    expect((await app.clock.state()).mode).toBe('frozen');
  });

  it('starts every scenario from reset operational data: a second run finds no customer of the first', async () => {
    await runner.run(scenario(BUY_A_LINE));
    const report = await runner.run(
      scenario(`name: empty
description: after the reset there is nobody
steps:
  - assert:
      tool: customer.list
      that: [{ path: $, length: 0 }]
`),
    );
    expect(report.failure).toBeUndefined();
  });

  it('stops at the first step that goes otherwise than written and names its file:line', async () => {
    const report = await runner.run(
      scenario(`name: wrong
description: a rule refuses, the scenario said ok
steps:
  - tool: customer.list
  - tool: usage.simulate
    args: { msisdn: "99999999", eventType: data, quantity: 1 }
  - tool: customer.list
`),
    );
    expect(report.ok).toBe(false);
    expect(report.failure).toMatch(/^inline\.yaml:5: step 2 \(tool usage\.simulate\): expected ok, got POLICY_VIOLATION usage\.record\.subscription_must_exist/);
    expect(report.steps).toHaveLength(2);
  });

  it('an expected refusal passes; an assertion that does not hold fails with the value it saw', async () => {
    const report = await runner.run(
      scenario(`name: refusal
description: expected refusal, then a false assertion
steps:
  - tool: usage.simulate
    args: { msisdn: "99999999", eventType: data, quantity: 1 }
    expect: usage.record.subscription_must_exist
  - tool: customer.show
    args: { customerId: CUST-00000000 }
    expect: NOT_FOUND
  - assert:
      tool: inventory.msisdn.count
      that: [{ path: $.total, eq: 7 }]
`),
    );
    expect(report.failure).toMatch(/inline\.yaml:10: step 3 \(assert inventory\.msisdn\.count\): \$\.total = \d+; expected = 7/);
  });

  it('ask: runs an agent turn (scripted model) and checks the tools it called; destructive calls are blocked', async () => {
    const report = await runner.run(
      scenario(`name: scripted
description: the fixture model tries a destructive call
steps:
  - ask: close the ticket
    model: fixture
    script:
      - tool_calls: [{ name: catalog.list, args: {} }]
      - tool_calls: [{ name: ticket.cancel, args: { ticketId: TKT-00000000 } }]
      - content: done
    save: turn
    expect:
      tools_called_include: [catalog.list, ticket.cancel]
      tools_refused: { ticket.cancel: DESTRUCTIVE_OPERATION_BLOCKED }
      reply_contains: done
  - assert:
      from: turn
      that: [{ path: "$.toolCalls[1].error", eq: DESTRUCTIVE_OPERATION_BLOCKED }]
`),
    );
    expect(report.failure).toBeUndefined();
  });
});

describe('ScenarioRunner identities', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [BssCoreModule] });
  });
  afterAll(() => app.close());

  it('a customer identity reaches neither operator tools nor the harness-only verbs', async () => {
    const runner = new ScenarioRunner(app.context);
    const customer = { profile: 'customer_self_serve' as const, customer: 'CUST-0000abcd' };
    expect(await runner.callTool('usage.simulate', { msisdn: '90000001', eventType: 'data', quantity: 1 }, customer)).toMatchObject({ ok: false, error: 'UNKNOWN_TOOL' });
    expect(await runner.callTool('customer.list', {}, customer)).toMatchObject({ ok: false, error: 'UNKNOWN_TOOL' });
    expect(await runner.callTool('catalog.list_active_offerings', {}, customer)).toMatchObject({ ok: true });
  });
});
