import { createTestDatabase } from '@bss/testing';
import { runCli, type CliResult } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import OperatorAdd from './add';
import OperatorDisable from './disable';
import OperatorList from './list';

async function ok(result: Promise<CliResult>): Promise<CliResult> {
  const done = await result;
  if (done.exitCode !== 0) throw new Error(`exit ${done.exitCode}: ${done.stderr}`);
  return done;
}

describe('bss operator', () => {
  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    await ok(runCli(AdminSeed, []));
  });

  it('add → list → disable: an operator is a record with a role and a status', async () => {
    const added = await ok(runCli(OperatorAdd, ['--email', ' Ada@BSS.local ', '--name', 'Ada Lovelace', '--role', 'admin', '--json']));
    const operator = added.json?.result as { id: string; email: string; role: string; status: string };
    expect(operator).toMatchObject({ email: 'ada@bss.local', role: 'admin', status: 'active' });
    expect(operator.id).toMatch(/^OPR-[0-9a-f]{8}$/);

    const human = await ok(runCli(OperatorAdd, ['--email', 'bob@bss.local', '--name', 'Bob']));
    expect(human.stdout).toMatch(/^Added OPR-[0-9a-f]{8} bob@bss\.local \(agent\)$/);

    const listed = await ok(runCli(OperatorList, ['--json']));
    expect((listed.json?.result as { email: string }[]).map((o) => o.email)).toEqual(['ada@bss.local', 'bob@bss.local']);

    const disabled = await ok(runCli(OperatorDisable, [operator.id, '--json']));
    expect(disabled.json?.result).toMatchObject({ id: operator.id, status: 'disabled' });
  });

  it('a second operator with the same email is a CONFLICT; an unknown id NOT_FOUND', async () => {
    const twice = await runCli(OperatorAdd, ['--email', 'ada@bss.local', '--name', 'Again', '--json']);
    expect(twice.exitCode).not.toBe(0);
    expect(twice.json).toMatchObject({ code: 'CONFLICT' });
    const unknown = await runCli(OperatorDisable, ['OPR-00000000', '--json']);
    expect(unknown.json).toMatchObject({ code: 'NOT_FOUND' });
  });
});
