import { createTestDatabase } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import AuditList from '#bss/commands/audit/list';
import AdminJobs from './jobs';
import AdminReset from './reset';
import AdminSeed from './seed';

describe('bss admin and audit verbs', () => {
  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
  });

  it('admin seed is idempotent', async () => {
    expect((await runCli(AdminSeed, [])).exitCode).toBe(0);
    const again = await runCli(AdminSeed, ['--json']);
    expect(again.json).toMatchObject({ status: 0, result: { migrated: [], seeded: true } });
  });

  it('admin reset refuses without --yes and writes nothing', async () => {
    const refused = await runCli(AdminReset, []);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('POLICY_VIOLATION cli.destructive.requires_yes');
    const audit = await runCli(AuditList, ['--type', 'admin.', '--json']);
    expect(audit.json?.result).toEqual([]);
  });

  it('admin reset --yes resets and leaves an audit row with the CLI actor and channel', async () => {
    const done = await runCli(AdminReset, ['--yes', '--json']);
    expect(done.exitCode).toBe(0);
    const audit = await runCli(AuditList, ['--type', 'admin.reset', '--json']);
    expect(audit.json?.result).toEqual([
      expect.objectContaining({ eventType: 'admin.reset', actor: 'cli-user', channel: 'cli', serviceIdentity: 'default' }),
    ]);
    const human = await runCli(AuditList, ['--limit', '5']);
    expect(human.stdout).toContain('admin.reset');
  });

  it('admin jobs lists jobs as JSON and refuses an unknown state', async () => {
    const ok = await runCli(AdminJobs, ['--state', 'failed', '--json']);
    expect(ok.json).toMatchObject({ status: 0, result: [] });
    const bad = await runCli(AdminJobs, ['--state', 'exploded']);
    expect(bad.exitCode).not.toBe(0);
  });
});
