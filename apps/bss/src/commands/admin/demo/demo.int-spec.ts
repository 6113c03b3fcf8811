import { createTestDatabase } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import CustomerCreate from '#bss/commands/customer/create';
import CustomerList from '#bss/commands/customer/list';
import AdminDemoReset from './reset';
import AdminDemoRestore from './restore';
import AdminDemoSeed from './seed';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

describe('bss admin demo', () => {
  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
  });

  it('seed loads the demo (idempotent); reset needs --yes and removes only demo rows; restore brings it back', async () => {
    const own = await runCli(CustomerCreate, ['--name', 'Hand Made', '--email', 'hand.made@example.com', '--json']);
    expect(own.exitCode).toBe(0);
    const seeded = await runCli(AdminDemoSeed, ['--customers', '6']);
    expect(seeded.exitCode).toBe(0);
    expect(seeded.stdout).toContain('✓ Demo operator loaded (seed 18)');
    expect(seeded.stdout).toMatch(/customers +6 +\(emails \*\.demo@bss-cli\.local\)/);
    const again = await runCli(AdminDemoSeed, ['--customers', '6', '--json']);
    expect(again.json).toMatchObject({ status: 0, result: { created: false, customers: 6, lines: 6, blockedLines: 1, pendingPortRequests: 1 } });

    const refused = await runCli(AdminDemoReset, []);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('POLICY_VIOLATION cli.destructive.requires_yes');
    const reset = await runCli(AdminDemoReset, ['--yes', '--json']);
    expect(reset.json).toMatchObject({ status: 0, result: { removed: { customers: 6, lines: 6, portRequests: 1 } } });
    const left = await runCli(CustomerList, ['--json']);
    expect((left.json?.result as { email: string }[]).map((c) => c.email)).toEqual(['hand.made@example.com']);

    const restored = await runCli(AdminDemoRestore, ['--yes', '--customers', '6', '--json']);
    expect(restored.json).toMatchObject({ status: 0, result: { created: true, customers: 6, removed: { customers: 0 } } });
    // Two seeds through the whole order chain: generous for a loaded shared machine.
  }, 240_000);
});
