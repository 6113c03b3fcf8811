import { ToolExecutor, ToolRegistry } from '@bss/agent';
import { BssCoreModule } from '@bss/core';
import { createTestLine } from '@bss/subscription/testing';
import { createTestApp, type TestApp } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import CustomerFind from './find';

describe('bss customer find and the customer.find_by_* read tools', () => {
  let app: TestApp;
  let customerId: string;
  let email: string;
  let msisdn: string;
  let subscriptionId: string;
  beforeAll(async () => {
    app = await createTestApp({ imports: [BssCoreModule] });
    process.env.BSS_DB_URL = app.url;
    await app.clock.freeze('2026-01-01T00:00:00Z');
    const line = await createTestLine(app, { offeringId: 'PLAN_M' });
    customerId = line.customer?.id ?? '';
    email = line.customer?.email ?? '';
    msisdn = line.subscription.msisdn;
    subscriptionId = line.subscription.id;
  });
  afterAll(() => app.close());

  it('--msisdn finds the holder of a live line and prints the 360 under the match', async () => {
    const human = await runCli(CustomerFind, ['--msisdn', msisdn]);
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain(`${msisdn} → line ${subscriptionId} (active) of ${customerId}`);
    expect(human.stdout).toContain('Subscriptions (1)');
    const { json } = await runCli(CustomerFind, ['--msisdn', msisdn, '--json']);
    expect(json).toMatchObject({ status: 0, result: { matchedBy: 'msisdn', customer: { id: customerId }, line: { id: subscriptionId, msisdn } } });
  });

  it('--email matches case-insensitively', async () => {
    const { json } = await runCli(CustomerFind, ['--email', email.toUpperCase(), '--json']);
    expect(json).toMatchObject({ status: 0, result: { matchedBy: 'email', customer: { id: customerId }, subscriptions: [{ id: subscriptionId }] } });
  });

  it('an unknown number or email is NOT_FOUND (exit 2); a malformed one is INVALID_INPUT naming the field', async () => {
    expect((await runCli(CustomerFind, ['--msisdn', '99999999', '--json'])).json).toMatchObject({ status: 2, code: 'NOT_FOUND' });
    const unknownEmail = await runCli(CustomerFind, ['--email', 'nobody@example.com']);
    expect(unknownEmail).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('NOT_FOUND  customer with email nobody@example.com not found') });
    expect((await runCli(CustomerFind, ['--msisdn', '12ab', '--json'])).json).toMatchObject({ status: 2, code: 'INVALID_INPUT', context: { fields: [{ field: 'msisdn' }] } });
    expect((await runCli(CustomerFind, ['--email', 'not-an-email', '--json'])).json).toMatchObject({ status: 2, code: 'INVALID_INPUT', context: { fields: [{ field: 'email' }] } });
  });

  it('needs exactly one of --msisdn and --email', async () => {
    expect((await runCli(CustomerFind, [])).exitCode).not.toBe(0);
    expect((await runCli(CustomerFind, ['--msisdn', msisdn, '--email', email])).exitCode).not.toBe(0);
  });

  it('the read tools answer the same, and refuse unknown and malformed input as observations', async () => {
    const executor = new ToolExecutor(ToolRegistry.fromSpine(), app.context);
    const call = (name: string, args: object) =>
      executor.execute({ name, args, caller: { actor: 'ops', channel: 'cli', serviceIdentity: 'operator_cockpit' }, requestId: 'find-spec', allowed: new Set([name]) });
    expect(await call('customer.find_by_msisdn', { msisdn })).toMatchObject({ ok: true, result: { customer: { id: customerId }, line: { id: subscriptionId } } });
    expect(await call('customer.find_by_email', { email })).toMatchObject({ ok: true, result: { id: customerId } });
    expect(await call('customer.find_by_msisdn', { msisdn: '99999999' })).toMatchObject({ ok: false, error: 'NOT_FOUND' });
    expect(await call('customer.find_by_email', { email: 'nobody@example.com' })).toMatchObject({ ok: false, error: 'NOT_FOUND' });
    expect(await call('customer.find_by_msisdn', { msisdn: '12' })).toMatchObject({ ok: false, error: 'INVALID_INPUT' });
    expect(await call('customer.find_by_email', { email: 'nope' })).toMatchObject({ ok: false, error: 'INVALID_INPUT' });
  });
});
