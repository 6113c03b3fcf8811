import { PaymentQueries } from '@bss/payment';
import { createTestApp, type TestApp } from '@bss/testing';
import { OrdersModule } from '#orders/orders.module';
import { OrderQueries } from '#orders/queries/order.queries';
import { givenOrderingCustomer, placeTestOrder } from '#orders/testing';
import { ORDER_QUEUES, type ProvisionTaskJob } from './order-jobs';
import { ATTEMPT_ABANDONED_ERROR } from './run-provisioning-attempt.command';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

/**
 * A provisioning attempt whose job ran out of deliveries — every worker that took it died — is
 * not left `running` for nobody: it counts as a failed attempt, so the task carries on with its
 * next attempt, or, out of attempts, the order fails visibly with nothing charged.
 */
describe('an abandoned provisioning attempt', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [OrdersModule] });
  });
  afterAll(() => app.close());

  /**
   * Places an order and leaves its HLR task as a crash loop would: `running` on `attempt`, its
   * job spent and parked in the queue's dead letter by pg-boss.
   */
  async function orderWithAbandonedHlrAttempt(attempt: number) {
    const { customer } = await givenOrderingCustomer(app);
    const placed = await placeTestOrder(app, customer.id, 'PLAN_M');
    await app.jobs.drain([ORDER_QUEUES.decompose]);
    const [task] = await app.db.query<{ id: string }>(`select id from orders.provisioning_task where commercial_order_id = $1 and task_type = 'HLR_PROVISION'`, [placed.id]);
    const [job] = await app.db.query<{ id: string; data: ProvisionTaskJob }>(`select id, data from pgboss.job where name = $1 and data->>'taskId' = $2`, [ORDER_QUEUES.provisionTask, task.id]);
    await app.db.query(`delete from pgboss.job where id = $1`, [job.id]);
    await app.db.query(`update orders.provisioning_task set state = 'running', attempts = $2 where id = $1`, [task.id, attempt]);
    await app.db.transaction((tx) => app.jobs.enqueue(tx, ORDER_QUEUES.provisionTaskAbandoned, { ...job.data, attempt }));
    return { orderId: placed.id, customerId: customer.id, taskId: task.id };
  }

  it('with attempts left: the attempt counts as failed, the next one runs, the order completes with one charge', async () => {
    const { orderId, customerId, taskId } = await orderWithAbandonedHlrAttempt(1);
    await app.jobs.drain();
    const order = await app.get(OrderQueries).get(orderId);
    expect(order.state).toBe('completed');
    const [hlr] = await app.db.query<{ state: string; attempts: number; last_error: string }>(`select state, attempts, last_error from orders.provisioning_task where id = $1`, [taskId]);
    expect(hlr).toEqual({ state: 'completed', attempts: 2, last_error: ATTEMPT_ABANDONED_ERROR });
    expect((await app.get(PaymentQueries).listAttempts(customerId)).map((c) => c.status)).toEqual(['approved']);
  });

  it('out of attempts: the task fails, the order fails visibly, nothing is charged', async () => {
    const { orderId, customerId, taskId } = await orderWithAbandonedHlrAttempt(3);
    await app.jobs.drain();
    const order = await app.get(OrderQueries).get(orderId);
    expect(order.state).toBe('failed');
    expect(order.failureReason).toBe('provisioning_failed');
    const [hlr] = await app.db.query<{ state: string }>(`select state from orders.provisioning_task where id = $1`, [taskId]);
    expect(hlr.state).toBe('failed');
    expect(await app.get(PaymentQueries).listAttempts(customerId)).toEqual([]);
  });

  it('an attempt that did finish is not failed again', async () => {
    const { orderId } = await orderWithAbandonedHlrAttempt(1);
    await app.jobs.drain();
    const [{ last }] = await app.db.query<{ last: string }>(`select max(id) as last from audit.domain_event`);
    const [task] = await app.db.query<{ id: string }>(`select id from orders.provisioning_task where commercial_order_id = $1 and task_type = 'HLR_PROVISION'`, [orderId]);
    const [job] = await app.db.query<{ data: ProvisionTaskJob }>(`select data from pgboss.job where name = $1 and data->>'taskId' = $2 limit 1`, [ORDER_QUEUES.provisionTaskAbandoned, task.id]);
    await app.db.transaction((tx) => app.jobs.enqueue(tx, ORDER_QUEUES.provisionTaskAbandoned, job.data));
    await app.jobs.drain();
    expect(await app.db.query(`select 1 from audit.domain_event where id > $1`, [last])).toEqual([]);
    expect((await app.get(OrderQueries).get(orderId)).state).toBe('completed');
  });
});
