import { createTestDatabase } from '@bss/testing';
import { runCli, type CliResult } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import ClockFreeze from '#bss/commands/clock/freeze';
import CustomerAttestKyc from '#bss/commands/customer/attest-kyc';
import CustomerCreate from '#bss/commands/customer/create';
import OrderCreate from '#bss/commands/order/create';
import PaymentAddCard from '#bss/commands/payment/add-card';
import TraceForSubscription from './for-subscription';
import TraceGet from './get';
import TraceServices from './services';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

async function ok(result: Promise<CliResult>): Promise<CliResult> {
  const done = await result;
  if (done.exitCode !== 0) throw new Error(`exit ${done.exitCode}: ${done.stderr}${done.stdout}`);
  return done;
}

interface Entry {
  service: string;
  source: 'event' | 'job';
  kind: string;
  offsetMs: number;
  occurredAt: string | null;
}

describe('bss trace get / for-subscription / services', () => {
  let subscriptionId: string;
  let traceId: string;

  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    await ok(runCli(AdminSeed, []));
    // Frozen: every event of the chain carries the same simulated instant.
    await ok(runCli(ClockFreeze, ['--at', '2026-01-15T09:30:00Z']));
    const created = await ok(runCli(CustomerCreate, ['--name', 'Grace Hopper', '--email', 'grace@example.com', '--json']));
    const customerId = (created.json?.result as { id: string }).id;
    await ok(runCli(CustomerAttestKyc, [customerId, '--document-type', 'passport', '--document-number', 'E1234567']));
    await ok(runCli(PaymentAddCard, ['--customer', customerId, '--card', '4242424242424242']));
    const order = await ok(runCli(OrderCreate, ['--customer', customerId, '--offering', 'PLAN_M', '--wait', '--json']));
    subscriptionId = (order.json?.result as { subscriptionId: string }).subscriptionId;
  });

  it('for-subscription opens the newest trace of the line: the activation chain across COM, SOM, PROV, SUB, PAY and its jobs', async () => {
    const { json } = await ok(runCli(TraceForSubscription, [subscriptionId, '--json']));
    const trace = json?.result as { traceId: string; aggregateId: string; services: string[]; entries: Entry[]; errors: number };
    traceId = trace.traceId;
    expect(trace.aggregateId).toBe(subscriptionId);
    expect(trace.services).toEqual(expect.arrayContaining(['COM', 'SOM', 'PROV', 'SUB', 'PAY', 'JOB']));
    expect(trace.errors).toBe(0);
    const kinds = trace.entries.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['order.created', 'subscription.activated', 'payment.charged', 'order.completed']));
    // The simulated clock is frozen, so the events' own time says nothing about order.
    expect(new Set(trace.entries.filter((e) => e.source === 'event').map((e) => e.occurredAt))).toEqual(new Set(['2026-01-15T09:30:00.000Z']));
  });

  it('opens a trace by the 32-hex id an OpenTelemetry backend shows for it', async () => {
    const byOtelId = (await ok(runCli(TraceGet, [traceId.replace(/-/g, ''), '--json']))).json?.result as { traceId: string; entries: Entry[] };
    const byAuditId = (await ok(runCli(TraceGet, [traceId, '--json']))).json?.result as { traceId: string; entries: Entry[] };
    expect(byOtelId.entries).toEqual(byAuditId.entries);
  });

  it('orders job runs between the event that enqueued them and the events their handlers wrote', async () => {
    const { json } = await ok(runCli(TraceGet, [traceId, '--json']));
    const entries = (json?.result as { entries: Entry[] }).entries;
    const kinds = entries.map((e) => e.kind);
    const firstJob = entries.findIndex((e) => e.source === 'job');
    expect(firstJob).toBeGreaterThan(kinds.indexOf('order.created'));
    // A handler's events follow its run: the chain does not end in a block of job rows.
    expect(entries.slice(firstJob).some((e) => e.source === 'event')).toBe(true);
    expect(kinds.indexOf('order.completed')).toBeGreaterThan(firstJob);
    expect(entries[entries.length - 1]?.source).toBe('event');
    const offsets = entries.map((e) => e.offsetMs);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it.each([60, 100, 160])('fits every line into --width %i', async (width) => {
    const { stdout } = await ok(runCli(TraceGet, [traceId, '--width', String(width)]));
    expect(stdout).toContain(`Trace ${traceId}`);
    for (const line of stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
    expect(stdout).toMatch(/order\.created/);
  });

  it('draws one lane per service when they fit, and lists entries one per line when they do not', async () => {
    const wide = (await ok(runCli(TraceGet, [traceId, '--width', '160']))).stdout;
    expect(wide).toMatch(/^offset\s+COM\s+SOM\s/m);
    const narrow = (await ok(runCli(TraceGet, [traceId, '--width', '60']))).stdout;
    expect(narrow).toMatch(/^\s+\+0\.000s {2}COM\s+● order\.created ORD-\d{4}$/m);
  });

  it('lists the services seen in traces', async () => {
    const { json, stdout } = await ok(runCli(TraceServices, ['--json']));
    const services = (json?.result as { service: string; events: number }[]).map((s) => s.service);
    expect(services).toEqual(expect.arrayContaining(['COM', 'SOM', 'PROV', 'SUB', 'PAY', 'CRM', 'JOB']));
    expect(stdout).toBeDefined();
    const human = await ok(runCli(TraceServices, []));
    expect(human.stdout).toMatch(/Service\s+Events\s+Traces\s+Errors\s+Last seen/);
  });

  it('an unknown trace or a line without events exits 2 with NOT_FOUND', async () => {
    const unknown = await runCli(TraceGet, ['no-such-trace', '--json']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.json).toMatchObject({ code: 'NOT_FOUND' });
    const line = await runCli(TraceForSubscription, ['SUB-99999999']);
    expect(line.exitCode).toBe(2);
    expect(line.stderr).toContain('NOT_FOUND');
  });
});
