import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { AuditQueries } from '@bss/audit';
import { PaymentQueries } from '@bss/payment';
import { SubscriptionQueries } from '@bss/subscription';
import { createTestApp, type TestApp } from '@bss/testing';
import { OrdersModule } from '#orders/orders.module';
import { OrderQueries } from '#orders/queries/order.queries';
import { givenOrderingCustomer, placeTestOrder } from '#orders/testing';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

/** The bar: after a crash, the next worker finishes the order within this. */
const RESUMED_WITHIN_MS = 30_000;
/** Simulated network calls in the doomed worker: HLR 3 s, OCS 1.2 s — slow enough to be caught mid-way. */
const SLOW_SCALE = '6';

/**
 * kill -9 a real worker process in the middle of an order's chain — while it provisions, while
 * it activates the line, while the payment gateway has charged but the answer is not recorded —
 * then start another worker: it finds the dead worker's jobs, and the order completes within
 * 30 s with exactly one line and exactly one charge (at the provider and in our books).
 */
describe('a worker killed mid-chain', () => {
  let app: TestApp;
  const workers = new Set<ChildProcess>();
  let blocker: Client | undefined;

  beforeAll(async () => {
    app = await createTestApp({ imports: [OrdersModule] });
  });
  afterEach(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    workers.clear();
    await blocker?.end().catch(() => undefined);
    blocker = undefined;
  });
  afterAll(async () => {
    await app.close();
  });

  /** Spawns `test/chain-worker.js` (the orders job handlers in their own process) and waits until it polls. */
  async function startWorker(scale: string): Promise<{ child: ChildProcess; stderr: () => string }> {
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'test', 'chain-worker.js')], {
      env: { ...process.env, BSS_DB_URL: app.url, BSS_PROVISIONING_DELAY_SCALE: scale },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workers.add(child);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`worker exited early (${code}): ${stderr}`)));
    });
    return { child, stderr: () => stderr };
  }

  async function killHard(child: ChildProcess): Promise<void> {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    workers.delete(child);
  }

  /** Polls `probe` until it answers truthy, or fails after `ms` saying what never happened. */
  async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms: number): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting until ${what}`);
      await sleep(25);
    }
  }

  async function taskStates(orderId: string): Promise<string[]> {
    const rows = await app.db.query<{ state: string }>(`select state from orders.provisioning_task where commercial_order_id = $1 order by id`, [orderId]);
    return rows.map((r) => r.state);
  }

  async function orderState(orderId: string): Promise<string> {
    return (await app.get(OrderQueries).get(orderId)).state;
  }

  async function providerCharges(orderId: string): Promise<number> {
    const rows = await app.db.query<{ n: string }>(`select count(*) as n from payment.mock_gateway_charge where idempotency_key = $1`, [`ACT-${orderId}`]);
    return Number(rows[0]?.n ?? 0);
  }

  /** A fresh worker picks the chain up; returns how long after the kill the order completed. */
  async function resumeAfterKill(orderId: string, killedAt: number): Promise<number> {
    const next = await startWorker('0');
    await until(`order ${orderId} completed (${next.stderr()})`, async () => (await orderState(orderId)) === 'completed', RESUMED_WITHIN_MS - (Date.now() - killedAt));
    return Date.now() - killedAt;
  }

  async function expectOneLineOneCharge(orderId: string, customerId: string): Promise<void> {
    expect(await orderState(orderId)).toBe('completed');
    expect(await taskStates(orderId)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(await app.get(SubscriptionQueries).listForCustomer(customerId)).toHaveLength(1);
    const charges = await app.get(PaymentQueries).listAttempts(customerId);
    expect(charges.map((c) => c.status)).toEqual(['approved']);
    expect(await providerCharges(orderId)).toBe(1);
    expect(await app.get(AuditQueries).list({ eventType: 'order.completed', aggregateId: orderId })).toHaveLength(1);
  }

  it('killed while provisioning: the running task is resumed and the order completes within 30 s', async () => {
    const { customer } = await givenOrderingCustomer(app);
    const doomed = await startWorker(SLOW_SCALE);
    const placed = await placeTestOrder(app, customer.id, 'PLAN_M');
    await until('a task completed and another running', async () => {
      const states = await taskStates(placed.id);
      return states.includes('completed') && states.includes('running');
    }, 30_000);

    await killHard(doomed.child);
    const killedAt = Date.now();
    expect(await taskStates(placed.id)).toContain('running');
    expect(await orderState(placed.id)).toBe('in_progress');

    const tookMs = await resumeAfterKill(placed.id, killedAt);
    expect(tookMs).toBeLessThan(RESUMED_WITHIN_MS);
    await expectOneLineOneCharge(placed.id, customer.id);
    expect((await app.get(AuditQueries).list({ eventType: 'provisioning.task.attempt_resumed', limit: 10 })).length).toBeGreaterThanOrEqual(1);
  }, 90_000);

  it('killed while activating (charged, line not yet created): one line and one charge within 30 s', async () => {
    const { customer } = await givenOrderingCustomer(app);
    const doomed = await startWorker(SLOW_SCALE);
    const placed = await placeTestOrder(app, customer.id, 'PLAN_M');
    // Hold the lock the line's creation takes, so the worker stops right after the charge.
    blocker = new Client({ connectionString: app.url });
    await blocker.connect();
    await blocker.query('select pg_advisory_lock(hashtext($1))', [`subscription.activate:DEFAULT:${placed.id}`]);
    await until('the activation charge approved and the worker waiting to create the line', async () => {
      const charges = await app.get(PaymentQueries).listAttempts(customer.id);
      const waiting = await app.db.query(`select 1 from pg_locks where locktype = 'advisory' and not granted`);
      return charges[0]?.status === 'approved' && waiting.length > 0;
    }, 30_000);

    await killHard(doomed.child);
    const killedAt = Date.now();
    await blocker.end();
    blocker = undefined;
    expect(await orderState(placed.id)).toBe('in_progress');
    expect(await app.get(SubscriptionQueries).listForCustomer(customer.id)).toHaveLength(0);

    const tookMs = await resumeAfterKill(placed.id, killedAt);
    expect(tookMs).toBeLessThan(RESUMED_WITHIN_MS);
    await expectOneLineOneCharge(placed.id, customer.id);
  }, 90_000);

  it('killed while charging (the provider charged, our record still pending): the charge is recorded once within 30 s', async () => {
    const { customer } = await givenOrderingCustomer(app);
    const doomed = await startWorker(SLOW_SCALE);
    const placed = await placeTestOrder(app, customer.id, 'PLAN_M');
    // Block the gateway adapter's call log, written right after the provider charged.
    blocker = new Client({ connectionString: app.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table audit.external_call in share row exclusive mode');
    await until('the provider charged while our attempt is still pending', async () => {
      const charges = await app.get(PaymentQueries).listAttempts(customer.id);
      return charges[0]?.status === 'pending' && (await providerCharges(placed.id)) === 1;
    }, 30_000);

    await killHard(doomed.child);
    const killedAt = Date.now();
    await blocker.query('rollback');
    await blocker.end();
    blocker = undefined;
    expect((await app.get(PaymentQueries).listAttempts(customer.id)).map((c) => c.status)).toEqual(['pending']);

    const tookMs = await resumeAfterKill(placed.id, killedAt);
    expect(tookMs).toBeLessThan(RESUMED_WITHIN_MS);
    await expectOneLineOneCharge(placed.id, customer.id);
  }, 90_000);
});
