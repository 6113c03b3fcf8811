import { ChangeCustomerStatusCommand, CrmModule } from '@bss/crm';
import { createTestApp, createTestDatabase } from '@bss/testing';
import { runCli, type CliResult } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import CustomerCreate from '#bss/commands/customer/create';
import TicketOpen from '#bss/commands/ticket/open';
import CaseClose from './close';
import CaseList from './list';
import CaseNote from './note';
import CaseOpen from './open';
import CaseShow from './show';
import CaseTransition from './transition';

async function ok(result: Promise<CliResult>): Promise<CliResult> {
  const done = await result;
  if (done.exitCode !== 0) throw new Error(`exit ${done.exitCode}: ${done.stderr}`);
  return done;
}

const idOf = (result: CliResult) => (result.json?.result as { id: string }).id;

describe('bss case', () => {
  let customerId: string;

  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    await ok(runCli(AdminSeed, []));
    customerId = idOf(await ok(runCli(CustomerCreate, ['--name', 'Ada Lovelace', '--email', 'ada@example.com', '--json'])));
  });

  it('open prints Opened <id> \'<subject>\' [open]; --json gives the case', async () => {
    const human = await ok(runCli(CaseOpen, ['--customer', customerId, '--subject', 'No data abroad', '--category', 'technical', '--priority', 'medium']));
    expect(human.stdout).toMatch(/^Opened CASE-[0-9a-f]{8} 'No data abroad' \[open\]$/);
    const json = await ok(runCli(CaseOpen, ['--customer', customerId, '--subject', 'Bill question', '--json']));
    expect(json.json).toMatchObject({ status: 0, result: { state: 'open', priority: 'normal', category: 'general', customerId } });
  });

  it('open refuses an unknown priority at the flag, and an unknown customer with NOT_FOUND', async () => {
    expect((await runCli(CaseOpen, ['--customer', customerId, '--subject', 'x', '--priority', 'asap'])).exitCode).not.toBe(0);
    const unknown = await runCli(CaseOpen, ['--customer', 'CUST-00000000', '--subject', 'x']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('NOT_FOUND');
  });

  it('list shows the cases of a customer, filtered by state', async () => {
    const human = await ok(runCli(CaseList, ['--customer', customerId]));
    expect(human.stdout).toContain('── Cases');
    expect(human.stdout).toMatch(/CASE-[0-9a-f]{8}\s+No data abroad\s+medium\s+open/);
    const json = await ok(runCli(CaseList, ['--customer', customerId, '--state', 'closed', '--json']));
    expect(json.json?.result).toEqual([]);
  });

  it('note, transition and show: the case card lists tickets and notes', async () => {
    const caseId = idOf(await ok(runCli(CaseOpen, ['--customer', customerId, '--subject', 'Slow data', '--json'])));
    expect((await ok(runCli(CaseTransition, [caseId, '--trigger', 'take', '--agent', 'AGT-001']))).stdout).toBe(`${caseId} → in_progress`);
    expect((await ok(runCli(CaseNote, [caseId, '--body', 'Asked for a speed test', '--agent', 'AGT-001']))).stdout).toMatch(
      new RegExp(`^Noted NOTE-[0-9a-f]{8} on ${caseId}$`),
    );
    await ok(runCli(TicketOpen, ['--type', 'configuration', '--subject', 'APN settings', '--case', caseId]));
    const card = await ok(runCli(CaseShow, [caseId]));
    expect(card.stdout.split('\n')[0]).toContain(`${caseId}  'Slow data'  [in_progress]  normal`);
    expect(card.stdout).toContain('Customer: Ada Lovelace');
    expect(card.stdout).toContain('── Tickets (1)');
    expect(card.stdout).toMatch(/TKT-[0-9a-f]{8}\s+configuration\s+open/);
    expect(card.stdout).toContain('[AGT-001 ');
    expect(card.stdout).toContain('Asked for a speed test');
    const json = await ok(runCli(CaseShow, [caseId, '--json']));
    expect(json.json?.result).toMatchObject({ id: caseId, customerName: 'Ada Lovelace', tickets: [{ ticketType: 'configuration' }], notes: [{ body: 'Asked for a speed test' }] });
  });

  it('closing a case with an open ticket exits 2 printing POLICY_VIOLATION case.close.requires_all_tickets_resolved', async () => {
    const caseId = idOf(await ok(runCli(CaseOpen, ['--customer', customerId, '--subject', 'Outage', '--json'])));
    await ok(runCli(TicketOpen, ['--type', 'service_outage', '--subject', 'Cell down', '--case', caseId]));
    const human = await runCli(CaseClose, [caseId, '--resolution', 'fixed', '--yes']);
    expect(human.exitCode).toBe(2);
    expect(human.stderr).toContain('POLICY_VIOLATION case.close.requires_all_tickets_resolved');
    const json = await runCli(CaseClose, [caseId, '--resolution', 'fixed', '--yes', '--json']);
    expect(json.exitCode).toBe(2);
    expect(json.json).toMatchObject({ status: 2, code: 'POLICY_VIOLATION', rule: 'case.close.requires_all_tickets_resolved', context: { caseId } });
  });

  it('close needs --yes and a resolution code; then prints Closed <id> [closed]', async () => {
    const caseId = idOf(await ok(runCli(CaseOpen, ['--customer', customerId, '--subject', 'Question', '--json'])));
    const ungated = await runCli(CaseClose, [caseId, '--resolution', 'answered']);
    expect(ungated.exitCode).toBe(2);
    expect(ungated.stderr).toContain('POLICY_VIOLATION cli.destructive.requires_yes');
    const noCode = await runCli(CaseClose, [caseId, '--yes']);
    expect(noCode.exitCode).toBe(2);
    expect(noCode.stderr).toContain('POLICY_VIOLATION case.close.requires_resolution_code');
    expect((await ok(runCli(CaseClose, [caseId, '--resolution', 'answered', '--yes']))).stdout).toBe(`Closed ${caseId} [closed]`);
  });

  it('transition cancel needs --yes; an illegal trigger exits 2 with case.transition.valid_from_state', async () => {
    const caseId = idOf(await ok(runCli(CaseOpen, ['--customer', customerId, '--subject', 'Dup', '--json'])));
    expect((await runCli(CaseTransition, [caseId, '--trigger', 'cancel'])).exitCode).toBe(2);
    const illegal = await runCli(CaseTransition, [caseId, '--trigger', 'resume', '--json']);
    expect(illegal.json).toMatchObject({ status: 2, rule: 'case.transition.valid_from_state' });
    expect((await ok(runCli(CaseTransition, [caseId, '--trigger', 'cancel', '--yes']))).stdout).toBe(`${caseId} → closed`);
  });

  it('open for a suspended customer exits 2 with case.open.customer_must_be_active', async () => {
    const suspended = idOf(await ok(runCli(CustomerCreate, ['--name', 'Sus Pended', '--email', 'sus@example.com', '--json'])));
    // No CLI verb changes a customer's status yet; the command itself does, on the same database.
    const app = await createTestApp({ imports: [CrmModule], url: process.env.BSS_DB_URL, seed: false });
    try {
      await app.get(ChangeCustomerStatusCommand).execute({ customerId: suspended, status: 'suspended' });
    } finally {
      await app.close();
    }
    const human = await runCli(CaseOpen, ['--customer', suspended, '--subject', 'x']);
    expect(human.exitCode).toBe(2);
    expect(human.stderr).toContain('POLICY_VIOLATION case.open.customer_must_be_active');
  });

  it('note --json gives the note; a note on a closed case exits 2 with case.note.case_is_closed', async () => {
    const caseId = idOf(await ok(runCli(CaseOpen, ['--customer', customerId, '--subject', 'Short one', '--json'])));
    const json = await ok(runCli(CaseNote, [caseId, '--body', 'first', '--json']));
    expect(json.json).toMatchObject({ status: 0, result: { caseId, body: 'first', authorAgentId: null, actor: 'cli-user' } });
    await ok(runCli(CaseClose, [caseId, '--resolution', 'answered', '--yes']));
    const closed = await runCli(CaseNote, [caseId, '--body', 'late']);
    expect(closed.exitCode).toBe(2);
    expect(closed.stderr).toContain('POLICY_VIOLATION case.note.case_is_closed');
  });

  it('transition and close --json give the case', async () => {
    const caseId = idOf(await ok(runCli(CaseOpen, ['--customer', customerId, '--subject', 'Json moves', '--json'])));
    expect((await ok(runCli(CaseTransition, [caseId, '--trigger', 'take', '--json']))).json).toMatchObject({ status: 0, result: { id: caseId, state: 'in_progress' } });
    expect((await ok(runCli(CaseClose, [caseId, '--resolution', 'fixed', '--yes', '--json']))).json).toMatchObject({
      status: 0,
      result: { id: caseId, state: 'closed', resolutionCode: 'fixed' },
    });
  });
});
