import { createTestDatabase } from '@bss/testing';
import { runCli, type CliResult } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import PortApprove from './approve';
import PortCreate from './create';
import PortList from './list';
import PortReject from './reject';
import PortShow from './show';

async function ok(result: Promise<CliResult>): Promise<CliResult> {
  const done = await result;
  if (done.exitCode !== 0) throw new Error(`exit ${done.exitCode}: ${done.stderr}`);
  return done;
}

const idOf = (result: CliResult) => (result.json?.result as { id: string }).id;

describe('bss port', () => {
  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    await ok(runCli(AdminSeed, []));
  });

  it('create prints Created <id> …; a second live request for the number exits 2', async () => {
    const human = await ok(runCli(PortCreate, ['--direction', 'port_in', '--donor-carrier', 'Singtel', '--donor-msisdn', '81234567']));
    expect(human.stdout).toMatch(/^Created PORT-[0-9A-F]{8} port_in 81234567 \[requested\]$/);
    const dup = await runCli(PortCreate, ['--direction', 'port_in', '--donor-carrier', 'Singtel', '--donor-msisdn', '81234567']);
    expect(dup.exitCode).toBe(2);
    expect(dup.stderr).toContain('POLICY_VIOLATION port.create.donor_msisdn_unique_among_pending');
  });

  it('a port-out without a target line exits 2', async () => {
    const result = await runCli(PortCreate, ['--direction', 'port_out', '--donor-carrier', 'M1', '--donor-msisdn', '90000001', '--json']);
    expect(result.json).toMatchObject({ status: 2, rule: 'port.create.target_sub_required_for_port_out' });
  });

  it('approve needs --yes, then puts a ported-in number in the pool', async () => {
    const id = idOf(await ok(runCli(PortCreate, ['--direction', 'port_in', '--donor-carrier', 'M1', '--donor-msisdn', '81230000', '--json'])));
    expect((await runCli(PortApprove, [id])).exitCode).toBe(2);
    expect((await ok(runCli(PortApprove, [id, '--yes']))).stdout).toBe(`Approved ${id} port_in 81230000 [completed]`);
    const shown = await ok(runCli(PortShow, [id]));
    expect(shown.stdout).toContain(`Port request ${id}`);
    expect(shown.stdout).toMatch(/│ State\s+│ completed\s+│/);
  });

  it('reject needs a reason', async () => {
    const id = idOf(await ok(runCli(PortCreate, ['--direction', 'port_in', '--donor-carrier', 'StarHub', '--donor-msisdn', '81239999', '--json'])));
    const noReason = await runCli(PortReject, [id]);
    expect(noReason.exitCode).toBe(2);
    expect(noReason.stderr).toContain('POLICY_VIOLATION port.reject.requires_reason');
    expect((await ok(runCli(PortReject, [id, '--reason', 'Account holder mismatch']))).stdout).toBe(
      `Rejected ${id} [rejected]: Account holder mismatch`,
    );
  });

  it('list shows the requests and filters by state', async () => {
    const human = await ok(runCli(PortList, []));
    expect(human.stdout).toContain('── Port requests');
    expect(human.stdout).toMatch(/PORT-[0-9A-F]{8}\s+port_in\s+8123 4567\s+Singtel\s+requested/);
    const json = await ok(runCli(PortList, ['--state', 'rejected', '--json']));
    expect((json.json?.result as { donorMsisdn: string }[]).map((p) => p.donorMsisdn)).toEqual(['81239999']);
  });

  it('--json on show, approve and reject; approving twice exits 2 with port_request.transition.valid', async () => {
    const id = idOf(await ok(runCli(PortCreate, ['--direction', 'port_in', '--donor-carrier', 'M1', '--donor-msisdn', '81235555', '--date', '2026-09-01', '--json'])));
    expect((await ok(runCli(PortShow, [id, '--json']))).json).toMatchObject({ status: 0, result: { id, requestedPortDate: '2026-09-01', state: 'requested' } });
    expect((await ok(runCli(PortApprove, [id, '--yes', '--json']))).json).toMatchObject({ status: 0, result: { id, state: 'completed' } });
    const again = await runCli(PortApprove, [id, '--yes']);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('POLICY_VIOLATION port_request.transition.valid');
    const other = idOf(await ok(runCli(PortCreate, ['--direction', 'port_in', '--donor-carrier', 'M1', '--donor-msisdn', '81236666', '--json'])));
    expect((await ok(runCli(PortReject, [other, '--reason', 'no', '--json']))).json).toMatchObject({ result: { state: 'rejected', rejectionReason: 'no' } });
  });
});
