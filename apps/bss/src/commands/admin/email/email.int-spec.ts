import { IdentityModule, StartLoginCommand } from '@bss/identity';
import { createTestApp, createTestDatabase, type TestApp } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import AdminEmailList from './list';

describe('bss admin email list', () => {
  let app: TestApp;

  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    process.env.BSS_PORTAL_TOKEN_PEPPER ??= 'cli-test-pepper-'.padEnd(48, 'q');
    app = await createTestApp({ imports: [IdentityModule], url: process.env.BSS_DB_URL });
    await app.get(StartLoginCommand).execute({ email: 'ada@example.com' });
    await app.get(StartLoginCommand).execute({ email: 'bob@example.com' });
  });
  afterAll(() => app.close());

  it('lists recent messages newest first, and prints the newest body (with its code) for people', async () => {
    const { stdout, exitCode } = await runCli(AdminEmailList, []);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Outgoing email');
    expect(stdout).toContain('bob@example.com');
    expect(stdout).toContain('ada@example.com');
    expect(stdout).toMatch(/Newest message \(bob@example\.com\):\nYour sign-in code is \d{6}/);
  });

  it('--to filters case-insensitively; --json gives the envelope', async () => {
    const { json, exitCode } = await runCli(AdminEmailList, ['--to', 'ADA@example.com', '--json']);
    expect(exitCode).toBe(0);
    expect(json).toMatchObject({ status: 0, warnings: [] });
    const result = json!.result as { to: string; kind: string; subject: string }[];
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ to: 'ada@example.com', kind: 'portal.login' });
    expect(result[0].subject).toMatch(/^Your sign-in code: \d{6}$/);
  });

  it('a malformed --to is an input error naming the flag, exit 2', async () => {
    const { json, exitCode } = await runCli(AdminEmailList, ['--to', 'nope', '--json']);
    expect(exitCode).toBe(2);
    expect(json).toMatchObject({ status: 2, code: 'INVALID_INPUT', context: { fields: [{ field: 'to' }] } });
  });
});
