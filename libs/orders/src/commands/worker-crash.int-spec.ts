import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditQueries } from '@bss/audit';
import { PaymentQueries } from '@bss/payment';
import { SubscriptionQueries } from '@bss/subscription';
import { createTestApp, type TestApp } from '@bss/testing';
import { OrdersModule } from '../orders.module';
import { OrderQueries } from '../queries/order.queries';
import { givenOrderingCustomer, placeTestOrder } from '../testing';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

/**
 * Kill -9 a worker process in the middle of an order's chain, then let another process pick the
 * chain up: the order completes exactly once, with exactly one line and one charge.
 */
describe('a worker killed mid-chain', () => {
  let app: TestApp;
  let worker: ChildProcess | undefined;
  beforeAll(async () => {
    app = await createTestApp({ imports: [OrdersModule] });
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await app.close();
  });

  async function taskStates(orderId: string): Promise<string[]> {
    const rows = await app.db.query<{ state: string }>(`select state from orders.provisioning_task where commercial_order_id = $1`, [orderId]);
    return rows.map((r) => r.state);
  }

  it('completes exactly once after a restart, with exactly one charge', async () => {
    const { customer } = await givenOrderingCustomer(app);

    // Slow enough in the child (HLR 3 s, OCS 1.2 s) to be caught with work half done.
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'test', 'chain-worker.js')], {
      env: { ...process.env, BSS_DB_URL: app.url, BSS_PROVISIONING_DELAY_SCALE: '6' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`worker exited early (${code}): ${stderr}`)));
    });

    const placed = await placeTestOrder(app, customer.id, 'PLAN_M');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const states = await taskStates(placed.id);
      if (states.includes('completed') && states.includes('running')) break;
      if (Date.now() > deadline) throw new Error(`never caught the chain mid-way: ${states.join(',')}; ${stderr}`);
      await sleep(20);
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    worker = undefined;

    const midway = await taskStates(placed.id);
    expect(midway).toContain('running');
    expect((await app.get(OrderQueries).get(placed.id)).state).toBe('in_progress');

    // What pg-boss' supervisor does once the dead worker's lease (expire_in) runs out: its
    // active jobs go back to retry. Done here at once instead of waiting 15 minutes.
    await app.db.query(`update pgboss.job set state = 'retry', start_after = now() where name like 'orders.%' and state = 'active'`);
    await app.jobs.drain();

    const order = await app.get(OrderQueries).get(placed.id);
    expect(order.state).toBe('completed');
    expect(await taskStates(placed.id)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(await app.get(SubscriptionQueries).listForCustomer(customer.id)).toHaveLength(1);
    const charges = await app.get(PaymentQueries).listAttempts(customer.id);
    expect(charges).toHaveLength(1);
    expect(charges[0]?.status).toBe('approved');
    const events = await app.get(AuditQueries).list({ eventType: 'order.completed', aggregateId: order.id });
    expect(events).toHaveLength(1);
    expect((await app.get(AuditQueries).list({ eventType: 'provisioning.task.attempt_resumed', limit: 10 })).length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
