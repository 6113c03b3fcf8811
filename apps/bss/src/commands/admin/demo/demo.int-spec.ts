import { Client } from 'pg';
import { createTestDatabase } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import CustomerCreate from '#bss/commands/customer/create';
import CustomerList from '#bss/commands/customer/list';
import AdminDemoReset from './reset';
import AdminDemoRestore from './restore';
import AdminDemoSeed from './seed';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

/** Runs SQL on the CLI's database (the chat and operator-conversation rows a demo session leaves). */
async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.BSS_DB_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A portal chat (conversation, turn, frame, request, usage) and an operator conversation focused on the customer. */
async function chatAbout(customerId: string): Promise<void> {
  const tag = customerId.slice(5);
  await sql(`insert into chat.conversation (id, owner_key, customer_id, created_at, last_active_at) values ($1, $2, $2, now(), now())`, [`CHAT-${tag}`, customerId]);
  await sql(`insert into chat.turn (id, conversation_id, owner_key, prompt, status, started_at) values ($1, $2, $3, 'hi', 'done', now())`, [`TURN-${tag}`, `CHAT-${tag}`, customerId]);
  await sql(`insert into chat.frame (turn_id, seq, kind, data) values ($1, 1, 'message', '{}')`, [`TURN-${tag}`]);
  await sql(`insert into chat.request (owner_key, requested_at) values ($1, now())`, [customerId]);
  await sql(`insert into chat.usage (owner_key, period_yyyymm, last_updated) values ($1, 202602, now())`, [customerId]);
  await sql(`insert into cockpit.session (id, actor, customer_focus, started_at, last_active_at) values ($1, 'ada', $2, now(), now())`, [`SES-20260201-${tag}`, customerId]);
}

/** How many chat and operator-conversation rows hang off each customer. */
async function chatRowsOf(customerIds: string[]): Promise<Record<string, number>> {
  const rows = await sql<{ customer: string; n: number }>(
    `select owner_key as customer, count(*)::int as n from (
       select owner_key from chat.conversation union all select owner_key from chat.turn union all
       select t.owner_key from chat.frame f join chat.turn t on t.id = f.turn_id union all
       select owner_key from chat.request union all select owner_key from chat.usage union all
       select customer_focus from cockpit.session) r
      where owner_key = any($1) group by 1`,
    [customerIds],
  );
  return Object.fromEntries(customerIds.map((id) => [id, rows.find((r) => r.customer === id)?.n ?? 0]));
}

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

    const customers = await sql<{ id: string; email: string }>(
      `select c.id, m.value as email from crm.customer c join crm.contact_medium m on m.party_id = c.party_id and m.medium_type = 'email'`,
    );
    const demoCustomer = customers.find((c) => c.email.endsWith('.demo@bss-cli.local'))!.id;
    const ownCustomer = customers.find((c) => c.email === 'hand.made@example.com')!.id;
    for (const id of [demoCustomer, ownCustomer]) await chatAbout(id);

    const refused = await runCli(AdminDemoReset, []);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('POLICY_VIOLATION cli.destructive.requires_yes');
    const reset = await runCli(AdminDemoReset, ['--yes', '--json']);
    expect(reset.json).toMatchObject({ status: 0, result: { removed: { customers: 6, lines: 6, portRequests: 1 } } });
    const left = await runCli(CustomerList, ['--json']);
    expect((left.json?.result as { email: string }[]).map((c) => c.email)).toEqual(['hand.made@example.com']);
    // The demo customer's portal chat and the operator conversation about them went with the demo; the hand-made customer's stay.
    expect(await chatRowsOf([demoCustomer, ownCustomer])).toEqual({ [demoCustomer]: 0, [ownCustomer]: 6 });

    const restored = await runCli(AdminDemoRestore, ['--yes', '--customers', '6', '--json']);
    expect(restored.json).toMatchObject({ status: 0, result: { created: true, customers: 6, removed: { customers: 0 } } });
    // Two seeds through the whole order chain: generous for a loaded shared machine.
  }, 240_000);
});
