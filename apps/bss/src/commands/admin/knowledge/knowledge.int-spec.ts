import { createTestDatabase } from '@bss/testing';
import { runCli, type CliResult } from '#bss/testing/run-cli';
import AdminKnowledgeList from './list';
import AdminKnowledgeReindex from './reindex';
import AdminKnowledgeSearch from './search';

async function ok(result: Promise<CliResult>): Promise<CliResult> {
  const done = await result;
  if (done.exitCode !== 0) throw new Error(`exit ${done.exitCode}: ${done.stderr}`);
  return done;
}

describe('bss admin knowledge', () => {
  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
  });

  it('reindex builds the index, and a second run skips every unchanged section', async () => {
    const first = await ok(runCli(AdminKnowledgeReindex, ['--json']));
    expect(first.json?.result).toMatchObject({ deleted: 0 });
    const again = await ok(runCli(AdminKnowledgeReindex, []));
    expect(again.stdout).toMatch(/: 0 indexed, (\d+) unchanged, 0 removed$/);
  });

  it('search "rotate api token" returns the runbook section first', async () => {
    const json = await ok(runCli(AdminKnowledgeSearch, ['rotate api token', '--json']));
    expect((json.json?.result as { sourcePath: string; anchor: string }[])[0]).toMatchObject({ sourcePath: 'docs/runbooks/api-token-rotation.md', anchor: 'rotate-an-api-token' });
    const human = await ok(runCli(AdminKnowledgeSearch, ['rotate api token']));
    expect(human.stdout.split('\n')[4]).toContain('docs/runbooks/api-token-rotation.md#rotate-an-api-token');
  });

  it('list shows the indexed sections by kind', async () => {
    const json = await ok(runCli(AdminKnowledgeList, ['--kind', 'runbook', '--json']));
    const rows = json.json?.result as { kind: string; sourcePath: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['runbook']));
  });
});
