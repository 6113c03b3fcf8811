import { AuditQueries } from '@bss/audit';
import { InventoryQueries } from '@bss/inventory';
import { PaymentQueries } from '@bss/payment';
import { InvalidInput } from '@bss/platform';
import { SubscriptionQueries } from '@bss/subscription';
import { createTestApp, expectRuleAsync, type TestApp } from '@bss/testing';
import type { OrderDetailView, TaskView } from '#orders/domain/order.views';
import { OrdersModule } from '#orders/orders.module';
import { OrderQueries } from '#orders/queries/order.queries';
import { ProvisioningQueries } from '#orders/queries/provisioning.queries';
import { givenOrderingCustomer, placeTestOrder, setFault } from '#orders/testing';
import { ProvisioningRandom } from './provisioning-random';
import { ResolveStuckTaskCommand } from './resolve-stuck-task.command';
import { RetryFailedTaskCommand } from './retry-failed-task.command';
import { FaultProvisioningCommand } from './fault-provisioning.command';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

const tasksOf = (order: OrderDetailView): TaskView[] => order.serviceOrders.flatMap((so) => so.cfs.flatMap((c) => c.rfs.flatMap((r) => r.tasks)));
const taskOf = (order: OrderDetailView, type: string): TaskView => {
  const task = tasksOf(order).find((t) => t.taskType === type);
  if (!task) throw new Error(`no ${type} task`);
  return task;
};

describe('provisioning simulator: faults, retries and operator verbs', () => {
  let app: TestApp;
  let orders: OrderQueries;
  beforeAll(async () => {
    app = await createTestApp({ imports: [OrdersModule] });
    await app.clock.freeze('2026-02-01T09:00:00Z');
    orders = app.get(OrderQueries);
  });
  afterEach(async () => {
    await app.db.query(`update orders.fault_injection set enabled = false`);
    app.get(ProvisioningRandom).use(Math.random);
  });
  afterAll(() => app.close());

  async function orderAndDrain(offeringId = 'PLAN_M'): Promise<{ order: OrderDetailView; customerId: string }> {
    const { customer } = await givenOrderingCustomer(app);
    const placed = await placeTestOrder(app, customer.id, offeringId);
    await app.jobs.drain();
    return { order: await orders.get(placed.id), customerId: customer.id };
  }

  it('fail_first_attempt at p=1.0 on HLR: retried automatically, the line still goes live, HLR attempts = 2', async () => {
    await setFault(app, 'HLR_PROVISION', 'fail_first_attempt', true, 1);
    const { order, customerId } = await orderAndDrain();
    expect(order.state).toBe('completed');
    const hlr = taskOf(order, 'HLR_PROVISION');
    expect(hlr).toMatchObject({ state: 'completed', attempts: 2, lastError: 'fault injected: fail_first_attempt' });
    expect(tasksOf(order).filter((t) => t.taskType !== 'HLR_PROVISION').every((t) => t.attempts === 1)).toBe(true);
    expect(await app.get(PaymentQueries).listAttempts(customerId)).toHaveLength(1);
    const events = await app.get(AuditQueries).list({ aggregateId: hlr.id });
    expect(events.map((e) => e.eventType).reverse()).toEqual([
      'provisioning.task.created',
      'provisioning.task.started',
      'provisioning.task.attempt_failed',
      'provisioning.task.started',
      'provisioning.task.completed',
    ]);
  });

  it('rolls fault probability on the injected random source', async () => {
    await setFault(app, 'PCRF_POLICY_PUSH', 'fail_first_attempt', true, 0.5);
    app.get(ProvisioningRandom).use(() => 0.7);
    const missed = await orderAndDrain();
    expect(taskOf(missed.order, 'PCRF_POLICY_PUSH').attempts).toBe(1);
    app.get(ProvisioningRandom).use(() => 0.2);
    const hit = await orderAndDrain();
    expect(taskOf(hit.order, 'PCRF_POLICY_PUSH').attempts).toBe(2);
  });

  it('fail_always: the task fails after 3 attempts, which fails the service order and the order and releases the line', async () => {
    await setFault(app, 'OCS_BALANCE_INIT', 'fail_always', true, 1);
    const { order, customerId } = await orderAndDrain();
    expect(order).toMatchObject({ state: 'failed', failureReason: 'provisioning_failed', subscriptionId: null });
    const [so] = order.serviceOrders;
    expect(so).toMatchObject({ state: 'failed', failureReason: 'provisioning task OCS_BALANCE_INIT failed permanently' });
    expect([so.cfs[0].state, ...so.cfs[0].rfs.map((r) => r.state)]).toEqual(['failed', 'failed', 'failed']);
    expect(taskOf(order, 'OCS_BALANCE_INIT')).toMatchObject({ state: 'failed', attempts: 3, maxAttempts: 3 });
    const { msisdn, iccid } = so.cfs[0].characteristics as { msisdn: string; iccid: string };
    expect((await app.get(InventoryQueries).getMsisdn(msisdn)).status).toBe('available');
    expect((await app.get(InventoryQueries).getEsim(iccid)).profileState).toBe('available');
    expect(await app.get(PaymentQueries).listAttempts(customerId)).toEqual([]);
    expect(await app.get(SubscriptionQueries).listForCustomer(customerId)).toEqual([]);
    const failed = await app.get(AuditQueries).list({ aggregateId: taskOf(order, 'OCS_BALANCE_INIT').id, eventType: 'provisioning.task.failed' });
    expect(failed[0]?.payload).toMatchObject({ permanent: true, attempts: 3 });
  });

  it('prov retry gives a failed task a fresh budget and re-opens its order, which then completes', async () => {
    await setFault(app, 'ESIM_PROFILE_PREPARE', 'fail_always', true, 1);
    const { order: failed, customerId } = await orderAndDrain();
    expect(failed.state).toBe('failed');
    const esim = taskOf(failed, 'ESIM_PROFILE_PREPARE');
    await setFault(app, 'ESIM_PROFILE_PREPARE', 'fail_always', false);

    const retried = await app.get(RetryFailedTaskCommand).execute({ taskId: esim.id });
    expect(retried).toMatchObject({ id: esim.id, state: 'pending', attempts: 0, run: 2 });
    expect((await orders.get(failed.id)).state).toBe('in_progress');
    await app.jobs.drain();

    const done = await orders.get(failed.id);
    expect(done.state).toBe('completed');
    expect(done.history.map((h) => h.trigger)).toEqual(['create', 'submit', 'fail', 'reopen', 'complete']);
    expect(taskOf(done, 'ESIM_PROFILE_PREPARE')).toMatchObject({ id: esim.id, state: 'completed', attempts: 1, run: 2 });
    expect(tasksOf(done)).toHaveLength(4);
    expect(await app.get(PaymentQueries).listAttempts(customerId)).toHaveLength(1);
    const line = await app.get(SubscriptionQueries).get(done.subscriptionId ?? '');
    expect(line).toMatchObject({ state: 'active', msisdn: done.serviceOrders[0].cfs[0].characteristics.msisdn });
  });

  it('prov.retry.requires_failed_state: only a failed task can be retried', async () => {
    const { order } = await orderAndDrain();
    await expectRuleAsync(app.get(RetryFailedTaskCommand).execute({ taskId: taskOf(order, 'HLR_PROVISION').id }), 'prov.retry.requires_failed_state');
  });

  it('a stuck task holds the order in progress until the operator resolves it; the same row runs again', async () => {
    await setFault(app, 'HLR_PROVISION', 'stuck', true, 1);
    const { order: waiting } = await orderAndDrain();
    expect(waiting.state).toBe('in_progress');
    const hlr = taskOf(waiting, 'HLR_PROVISION');
    expect(hlr).toMatchObject({ state: 'stuck', attempts: 0 });
    expect(tasksOf(waiting).filter((t) => t.id !== hlr.id).every((t) => t.state === 'completed')).toBe(true);
    expect((await app.get(ProvisioningQueries).listTasks({ state: 'stuck' })).map((t) => t.id)).toContain(hlr.id);

    await app.jobs.drain();
    expect((await orders.get(waiting.id)).state).toBe('in_progress');

    await expectRuleAsync(app.get(ResolveStuckTaskCommand).execute({ taskId: hlr.id, note: '   ' }), 'prov.resolve.requires_note');
    await expectRuleAsync(
      app.get(ResolveStuckTaskCommand).execute({ taskId: taskOf(waiting, 'OCS_BALANCE_INIT').id, note: 'x' }),
      'prov.resolve.requires_stuck_state',
    );

    await setFault(app, 'HLR_PROVISION', 'stuck', false);
    const resolved = await app.get(ResolveStuckTaskCommand).execute({ taskId: hlr.id, note: 'HLR front-end restarted' });
    expect(resolved).toMatchObject({ id: hlr.id, state: 'pending', run: 2, lastError: 'Resolved by operator: HLR front-end restarted' });
    await app.jobs.drain();

    const done = await orders.get(waiting.id);
    expect(done.state).toBe('completed');
    expect(taskOf(done, 'HLR_PROVISION')).toMatchObject({ id: hlr.id, state: 'completed', attempts: 1, serviceOrderId: done.serviceOrders[0].id, commercialOrderId: done.id });
    expect(tasksOf(done)).toHaveLength(4);
  });

  it('a stuck fault rolls again on resolve: still stuck while the fault is on', async () => {
    await setFault(app, 'PCRF_POLICY_PUSH', 'stuck', true, 1);
    const { order } = await orderAndDrain();
    const pcrf = taskOf(order, 'PCRF_POLICY_PUSH');
    await app.get(ResolveStuckTaskCommand).execute({ taskId: pcrf.id, note: 'tried' });
    await app.jobs.drain();
    expect(await app.get(ProvisioningQueries).getTask(pcrf.id)).toMatchObject({ state: 'stuck', run: 2 });
  });

  describe('FaultProvisioningCommand', () => {
    it('switches a rule and audits before/after', async () => {
      const before = (await app.get(ProvisioningQueries).listFaultRules()).find((r) => r.id === 'FI_HLR_PROV_FAIL');
      const rule = await app.get(FaultProvisioningCommand).execute({ taskType: 'HLR_PROVISION', faultType: 'fail_first_attempt', enabled: true, probability: 0.25 });
      expect(rule).toMatchObject({ id: 'FI_HLR_PROV_FAIL', enabled: true, probability: 0.25 });
      const [event] = await app.get(AuditQueries).list({ aggregateId: 'FI_HLR_PROV_FAIL' });
      expect(event).toMatchObject({ eventType: 'provisioning.fault_injection.updated', payload: { before: { enabled: false, probability: before?.probability }, after: { enabled: true, probability: 0.25 } } });
    });

    it('prov.fault.not_found for an unknown task/fault pair', async () => {
      await expectRuleAsync(app.get(FaultProvisioningCommand).execute({ taskType: 'SMSC_PROVISION', faultType: 'stuck', enabled: true }), 'prov.fault.not_found');
    });

    it('malformed input names the field', async () => {
      await expect(app.get(FaultProvisioningCommand).execute({ taskType: 'HLR_PROVISION', faultType: 'explode' as 'stuck', enabled: true })).rejects.toBeInstanceOf(InvalidInput);
      await expect(app.get(FaultProvisioningCommand).execute({ taskType: 'HLR_PROVISION', faultType: 'stuck', probability: 1.5 })).rejects.toMatchObject({
        fields: [expect.objectContaining({ field: 'probability' })],
      });
      await expect(app.get(FaultProvisioningCommand).execute({ taskType: 'HLR_PROVISION', faultType: 'stuck' })).rejects.toBeInstanceOf(InvalidInput);
    });

    it('lists every task/fault pair, §9 rules included', async () => {
      const rules = await app.get(ProvisioningQueries).listFaultRules();
      expect(rules).toHaveLength(20);
      expect(rules.find((r) => r.id === 'FI_ESIM_FAIL')).toMatchObject({ taskType: 'ESIM_PROFILE_PREPARE', faultType: 'fail_first_attempt', probability: 0.15 });
    });
  });
});
