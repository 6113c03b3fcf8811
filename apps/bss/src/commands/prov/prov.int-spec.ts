import { OrdersModule } from '@bss/orders';
import { createTestApp, createTestDatabase, type TestApp } from '@bss/testing';
import { runCli, type CliResult } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import ClockFreeze from '#bss/commands/clock/freeze';
import CustomerAttestKyc from '#bss/commands/customer/attest-kyc';
import CustomerCreate from '#bss/commands/customer/create';
import OrderCreate from '#bss/commands/order/create';
import OrderShow from '#bss/commands/order/show';
import PaymentAddCard from '#bss/commands/payment/add-card';
import ProvFault from './fault';
import ProvFaults from './faults';
import ProvResolve from './resolve';
import ProvRetry from './retry';
import ProvShow from './show';
import ProvTasks from './tasks';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

async function ok(result: Promise<CliResult>): Promise<CliResult> {
  const done = await result;
  if (done.exitCode !== 0) throw new Error(`exit ${done.exitCode}: ${done.stderr}${done.stdout}`);
  return done;
}

interface TaskResult {
  id: string;
  taskType: string;
  state: string;
  attempts: number;
  run: number;
}

describe('bss prov', () => {
  let customerId: string;
  /** The workers: another process on the same database, drained on demand. */
  let workers: TestApp;

  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    await ok(runCli(AdminSeed, []));
    await ok(runCli(ClockFreeze, ['--at', '2026-02-10T12:00:00Z']));
    const created = await ok(runCli(CustomerCreate, ['--name', 'Linus Pauling', '--email', 'linus@example.com', '--json']));
    customerId = (created.json?.result as { id: string }).id;
    await ok(runCli(CustomerAttestKyc, [customerId, '--document-type', 'passport', '--document-number', 'E7654321']));
    await ok(runCli(PaymentAddCard, ['--customer', customerId, '--card', '4242424242424242']));
    workers = await createTestApp({ imports: [OrdersModule], url: process.env.BSS_DB_URL, seed: false });
  });
  afterAll(() => workers.close());

  it('prov fault refuses without --yes, and switches a rule with it', async () => {
    const unconfirmed = await runCli(ProvFault, ['HLR_PROVISION', 'stuck', '--enable', '--probability', '1']);
    expect(unconfirmed.exitCode).toBe(2);
    expect(unconfirmed.stderr).toContain('POLICY_VIOLATION cli.destructive.requires_yes');
    const human = await ok(runCli(ProvFault, ['HLR_PROVISION', 'stuck', '--enable', '--probability', '1', '--yes']));
    expect(human.stdout).toBe('✓ FI_HLR_PROV_STUCK  HLR_PROVISION stuck  enabled  p=1.00');
    const json = await ok(runCli(ProvFault, ['HLR_PROVISION', 'stuck', '--enable', '--probability', '1', '--yes', '--json']));
    expect(json.json?.result).toMatchObject({ id: 'FI_HLR_PROV_STUCK', enabled: true });
  });

  it('prov fault: unknown pair → prov.fault.not_found; bad probability → INVALID_INPUT', async () => {
    const unknown = await runCli(ProvFault, ['SMSC_PROVISION', 'stuck', '--enable', '--yes', '--json']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.json).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'prov.fault.not_found' });
    const bad = await runCli(ProvFault, ['HLR_PROVISION', 'stuck', '--probability', 'often', '--yes', '--json']);
    expect(bad.json).toMatchObject({ status: 2, code: 'INVALID_INPUT', context: { fields: [{ field: 'probability' }] } });
  });

  it('prov faults lists every rule', async () => {
    const human = await ok(runCli(ProvFaults, []));
    await ok(runCli(ProvFaults, ['--json'])); // pins the --json shape
    expect(human.stdout).toMatch(/FI_HLR_PROV_STUCK\s+HLR_PROVISION\s+stuck\s+1\.00\s+yes/);
    expect(human.stdout).toMatch(/FI_ESIM_FAIL\s+ESIM_PROFILE_PREPARE\s+fail_first_attempt\s+0\.15\s+no/);
  });

  it('a stuck task: order create --wait times out with a warning naming it; prov resolve lets the order complete', async () => {
    const waited = await ok(runCli(OrderCreate, ['--customer', customerId, '--offering', 'PLAN_M', '--wait', '--timeout', '1', '--json']));
    const order = waited.json?.result as { id: string; state: string };
    expect(order.state).toBe('in_progress');
    expect(waited.json?.warnings?.[0]).toMatch(new RegExp(`order ${order.id} is still in_progress after 1s; stuck task\\(s\\) PTK-\\d{4} wait for \`bss prov resolve\``));

    const listed = await ok(runCli(ProvTasks, ['--state', 'stuck']));
    expect(listed.stdout.split('\n')[0]).toMatch(/^ID\s+SERVICE\s+TASK_TYPE\s+STATE\s+ATTEMPTS$/);
    expect(listed.stdout).toMatch(/PTK-\d{4}\s+SVC-\d{4}\s+HLR_PROVISION\s+stuck\s+0\/3/);
    const [stuck] = (await ok(runCli(ProvTasks, ['--state', 'stuck', '--json']))).json?.result as TaskResult[];

    const shown = await ok(runCli(ProvShow, [stuck.id]));
    await ok(runCli(ProvShow, [stuck.id, '--json'])); // pins the --json shape
    expect(shown.stdout).toContain(`Task ${stuck.id}  HLR_PROVISION`);
    expect(shown.stdout).toMatch(/│ state\s+│ stuck/);
    expect(shown.stdout).toContain(`│ order         │ ${order.id}`);

    const blank = await runCli(ProvResolve, [stuck.id, '--note', ' ']);
    expect(blank.exitCode).toBe(2);
    expect(blank.stderr).toContain('POLICY_VIOLATION prov.resolve.requires_note');

    await ok(runCli(OrderCreate, ['--customer', customerId, '--offering', 'PLAN_S']));
    await workers.jobs.drain();
    const stuckNow = (await ok(runCli(ProvTasks, ['--state', 'stuck', '--json']))).json?.result as TaskResult[];
    const second = stuckNow.find((task) => task.id !== stuck.id) as TaskResult;

    await ok(runCli(ProvFault, ['HLR_PROVISION', 'stuck', '--disable', '--yes']));
    const resolvedJson = await ok(runCli(ProvResolve, [second.id, '--note', 'same HLR restart', '--json']));
    expect(resolvedJson.json?.result).toMatchObject({ id: second.id, state: 'pending' });
    const resolved = await ok(runCli(ProvResolve, [stuck.id, '--note', 'HLR front-end restarted']));
    expect(resolved.stdout).toBe(`✓ Task ${stuck.id} (HLR_PROVISION) resolved: pending, queued to run again`);
    await workers.jobs.drain();
    const done = await ok(runCli(OrderShow, [order.id, '--json']));
    expect(done.json?.result).toMatchObject({ state: 'completed' });

    const again = await runCli(ProvResolve, [stuck.id, '--note', 'twice', '--json']);
    expect(again.json).toMatchObject({ status: 2, rule: 'prov.resolve.requires_stuck_state' });
  });

  it('a failed task: prov retry re-runs it with a fresh budget and the order completes', async () => {
    await ok(runCli(ProvFault, ['OCS_BALANCE_INIT', 'fail_always', '--enable', '--probability', '1', '--yes']));
    const failed = (await ok(runCli(OrderCreate, ['--customer', customerId, '--offering', 'PLAN_S', '--wait', '--json']))).json?.result as {
      id: string;
      state: string;
      failureReason: string;
    };
    expect(failed).toMatchObject({ state: 'failed', failureReason: 'provisioning_failed' });
    const [task] = (await ok(runCli(ProvTasks, ['--state', 'failed', '--order', failed.id, '--json']))).json?.result as TaskResult[];
    expect(task).toMatchObject({ taskType: 'OCS_BALANCE_INIT', attempts: 3 });

    await ok(runCli(ProvFault, ['OCS_BALANCE_INIT', 'fail_always', '--disable', '--yes']));
    const retried = await ok(runCli(ProvRetry, [task.id, '--json']));
    expect(retried.json?.result).toMatchObject({ id: task.id, state: 'pending', attempts: 0, run: 2 });
    await workers.jobs.drain();
    expect((await ok(runCli(OrderShow, [failed.id, '--json']))).json?.result).toMatchObject({ state: 'completed', failureReason: null });

    const notFailed = await runCli(ProvRetry, [task.id]);
    expect(notFailed.exitCode).toBe(2);
    expect(notFailed.stderr).toContain('POLICY_VIOLATION prov.retry.requires_failed_state');
  });

  it('prov show: NOT_FOUND for an unknown task, INVALID_INPUT for a malformed id', async () => {
    expect((await runCli(ProvShow, ['PTK-9999', '--json'])).json).toMatchObject({ status: 2, code: 'NOT_FOUND' });
    expect((await runCli(ProvShow, ['task-1', '--json'])).json).toMatchObject({ status: 2, code: 'INVALID_INPUT', context: { fields: [{ field: 'taskId' }] } });
  });
});
