import { CrmModule } from '@bss/crm';
import { createTestApp, createTestDatabase } from '@bss/testing';
import { runCli, type CliResult } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import ClockFreeze from '#bss/commands/clock/freeze';
import CustomerCreate from '#bss/commands/customer/create';
import TicketAck from './ack';
import TicketAssign from './assign';
import TicketCancel from './cancel';
import TicketClose from './close';
import TicketList from './list';
import TicketOpen from './open';
import TicketResolve from './resolve';
import TicketShow from './show';
import TicketStart from './start';

async function ok(result: Promise<CliResult>): Promise<CliResult> {
  const done = await result;
  if (done.exitCode !== 0) throw new Error(`exit ${done.exitCode}: ${done.stderr}`);
  return done;
}

const idOf = (result: CliResult) => (result.json?.result as { id: string }).id;

describe('bss ticket', () => {
  let customerId: string;

  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    await ok(runCli(AdminSeed, []));
    await ok(runCli(ClockFreeze, ['--at', '2026-03-01T10:00:00Z']));
    customerId = idOf(await ok(runCli(CustomerCreate, ['--name', 'Ada Lovelace', '--email', 'ada@example.com', '--json'])));
  });

  it('open prints Opened <id> <type> [open] with the SLA due date', async () => {
    const human = await ok(runCli(TicketOpen, ['--type', 'service_outage', '--subject', 'No data', '--customer', customerId, '--priority', 'urgent']));
    expect(human.stdout).toMatch(/^Opened TKT-[0-9a-f]{8} service_outage \[open\]  SLA due 2026-03-01 10:30$/);
    const json = await ok(runCli(TicketOpen, ['--subject', 'How to roam', '--customer', customerId, '--json']));
    expect(json.json?.result).toMatchObject({ ticketType: 'information_request', slaDueAt: null });
  });

  it('open without a customer or case exits 2 with ticket.open.requires_customer', async () => {
    const result = await runCli(TicketOpen, ['--subject', 'orphan']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('POLICY_VIOLATION ticket.open.requires_customer');
  });

  it('assign → ack → start → resolve → close prints <id> → <state> at each step', async () => {
    const id = idOf(await ok(runCli(TicketOpen, ['--type', 'billing_dispute', '--subject', 'Charged twice', '--customer', customerId, '--json'])));
    expect((await ok(runCli(TicketAssign, [id, '--agent', 'AGT-002']))).stdout).toBe(`${id} → open (assigned to AGT-002)`);
    expect((await ok(runCli(TicketAck, [id]))).stdout).toBe(`${id} → acknowledged`);
    expect((await ok(runCli(TicketStart, [id]))).stdout).toBe(`${id} → in_progress`);
    const noNotes = await runCli(TicketResolve, [id]);
    expect(noNotes.exitCode).toBe(2);
    expect(noNotes.stderr).toContain('POLICY_VIOLATION ticket.resolve.requires_resolution_notes');
    expect((await ok(runCli(TicketResolve, [id, '--notes', 'Refunded the duplicate']))).stdout).toBe(`${id} → resolved`);
    const cancelResolved = await runCli(TicketCancel, [id, '--yes', '--json']);
    expect(cancelResolved.json).toMatchObject({ status: 2, rule: 'ticket.cancel.not_if_resolved_or_closed' });
    expect((await ok(runCli(TicketClose, [id]))).stdout).toBe(`${id} → closed`);

    const card = await ok(runCli(TicketShow, [id]));
    expect(card.stdout).toContain(`Ticket ${id}`);
    expect(card.stdout).toContain('State:    closed');
    expect(card.stdout).toContain('Assigned: AGT-002');
    const json = await ok(runCli(TicketShow, [id, '--json']));
    expect((json.json?.result as { history: { toState: string }[] }).history.map((h) => h.toState)).toEqual([
      'open',
      'acknowledged',
      'in_progress',
      'resolved',
      'closed',
    ]);
  });

  it('ack without an assignee exits 2 with ticket.ack.requires_agent; --agent supplies one', async () => {
    const id = idOf(await ok(runCli(TicketOpen, ['--subject', 'x', '--customer', customerId, '--json'])));
    const refused = await runCli(TicketAck, [id]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('POLICY_VIOLATION ticket.ack.requires_agent');
    expect((await ok(runCli(TicketAck, [id, '--agent', 'AGT-004']))).stdout).toBe(`${id} → acknowledged`);
  });

  it('cancel needs --yes', async () => {
    const id = idOf(await ok(runCli(TicketOpen, ['--subject', 'dup', '--customer', customerId, '--json'])));
    const ungated = await runCli(TicketCancel, [id]);
    expect(ungated.exitCode).toBe(2);
    expect(ungated.stderr).toContain('--yes');
    expect((await ok(runCli(TicketCancel, [id, '--reason', 'duplicate', '--yes']))).stdout).toBe(`${id} → cancelled`);
  });

  it('list filters by agent and state', async () => {
    const human = await ok(runCli(TicketList, ['--agent', 'AGT-004']));
    expect(human.stdout).toContain('── Tickets');
    expect(human.stdout).toMatch(/TKT-[0-9a-f]{8}\s+information_request\s+acknowledged\s+normal\s+AGT-004/);
    const json = await ok(runCli(TicketList, ['--customer', customerId, '--state', 'cancelled', '--json']));
    expect((json.json?.result as unknown[]).length).toBe(1);
  });

  it('every move answers --json with the ticket, and an illegal move exits 2 with ticket.transition.valid_from_state', async () => {
    const id = idOf(await ok(runCli(TicketOpen, ['--subject', 'json walk', '--customer', customerId, '--json'])));
    const start = await runCli(TicketStart, [id]);
    expect(start.exitCode).toBe(2);
    expect(start.stderr).toContain('POLICY_VIOLATION ticket.transition.valid_from_state');
    const close = await runCli(TicketClose, [id, '--json']);
    expect(close.json).toMatchObject({ status: 2, rule: 'ticket.transition.valid_from_state' });
    expect((await ok(runCli(TicketAssign, [id, '--agent', 'AGT-001', '--json']))).json).toMatchObject({ status: 0, result: { assignedToAgentId: 'AGT-001' } });
    expect((await ok(runCli(TicketAck, [id, '--json']))).json).toMatchObject({ result: { id, state: 'acknowledged' } });
    expect((await ok(runCli(TicketStart, [id, '--json']))).json).toMatchObject({ result: { id, state: 'in_progress' } });
    expect((await ok(runCli(TicketResolve, [id, '--notes', 'done', '--json']))).json).toMatchObject({ result: { state: 'resolved', resolutionNotes: 'done' } });
    expect((await ok(runCli(TicketClose, [id, '--json']))).json).toMatchObject({ result: { state: 'closed' } });
    expect((await ok(runCli(TicketCancel, [idOf(await ok(runCli(TicketOpen, ['--subject', 'c', '--customer', customerId, '--json']))), '--yes', '--json']))).json).toMatchObject({
      result: { state: 'cancelled' },
    });
  });

  it('assign to a terminated agent exits 2 with ticket.assign.agent_must_be_active', async () => {
    const app = await createTestApp({ imports: [CrmModule], url: process.env.BSS_DB_URL, seed: false });
    try {
      await app.db.query(`insert into crm.agent (id, name, email, role, status) values ('AGT-900', 'Gone', 'gone@bss-cli.local', 'csr', 'terminated')`);
    } finally {
      await app.close();
    }
    const id = idOf(await ok(runCli(TicketOpen, ['--subject', 'x', '--customer', customerId, '--json'])));
    const result = await runCli(TicketAssign, [id, '--agent', 'AGT-900']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('POLICY_VIOLATION ticket.assign.agent_must_be_active');
  });
});
