import { AuditQueries } from '@bss/audit';
import { AgentRunner, buildProfiles, ToolRegistry, type ToolDescriptor } from '@bss/agent';
import { CaseQueries, InteractionQueries } from '@bss/crm';
import { createTestCustomer } from '@bss/crm/testing';
import { formatQuantity } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { SubscriptionQueries } from '@bss/subscription';
import { createTestLine } from '@bss/subscription/testing';
import { createTestApp, type TestApp } from '@bss/testing';
import { ChatModule } from '#chat/chat.module';
import { ChatFrameStream } from '#chat/queries/chat-frame-stream';
import { ChatQueries } from '#chat/queries/chat.queries';
import { GENERIC_APOLOGY } from '#chat/policies/chat-prompts';
import { chatTurn, useFixtureModel } from '#chat/testing';
import { ChatTurnRunner } from './chat-turn-runner';
import { SendChatMessageCommand } from './send-chat-message.command';

const bytes = (frames: { data: unknown }[]) => JSON.stringify(frames);

describe('customer chat turns against Postgres', () => {
  let app: TestApp;
  let customerId: string;
  let lineId: string;
  let other: { customerId: string; lineId: string; msisdn: string };

  beforeAll(async () => {
    app = await createTestApp({ imports: [ChatModule] });
    const mine = await createTestLine(app);
    customerId = mine.subscription.customerId;
    lineId = mine.subscription.id;
    const theirs = await createTestLine(app);
    other = { customerId: theirs.subscription.customerId, lineId: theirs.subscription.id, msisdn: theirs.subscription.msisdn };
  }, 120_000);
  afterAll(() => app.close());

  it('answers a balance question with the offline model: status, one pill, the figure, done — all persisted', async () => {
    const { turn, frames, conversationId } = await chatTurn(app, customerId, 'how much data do I have left');
    expect(frames[0]).toMatchObject({ kind: 'status', data: { status: 'live' } });
    expect(frames.filter((f) => f.kind === 'tool').map((f) => (f.data as { label: string }).label)).toContain('Checked your balance');
    expect(frames.at(-1)).toMatchObject({ kind: 'status', data: { status: 'done' } });
    const [line] = await app.get(SubscriptionQueries).listForCustomer(customerId);
    const data = line.balances.find((b) => b.allowanceType === 'data')!;
    expect(turn.status).toBe('done');
    // The figure the dashboard shows is the figure the chat says.
    expect(turn.reply).toContain(formatQuantity(data.remaining, data.unit));
    // The turn record is bound to its owner: another customer reads nothing, not even that it exists.
    await expect(app.get(ChatQueries).ownedTurn(other.customerId, turn.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(app.get(ChatQueries).ownedConversation(other.customerId, conversationId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.get(ChatQueries).usage(customerId, await app.clock.now())).requestsCount).toBeGreaterThanOrEqual(1);
  });

  it('streams the frames of a running turn as they are written (LISTEN/NOTIFY, no polling sleeps)', async () => {
    const started = await runWithAuth({ actor: customerId, channel: 'portal-chat', serviceIdentity: 'portal_self_serve', customerId }, () =>
      app.get(SendChatMessageCommand).execute({ ownerKey: customerId, message: 'what plans do you have' }),
    );
    const seen: string[] = [];
    for await (const frame of app.get(ChatFrameStream).frames(started.turnId)) seen.push(frame.kind);
    expect(seen[0]).toBe('status');
    expect(seen).toContain('message');
    expect(seen.at(-1)).toBe('status');
    await app.get(ChatTurnRunner).idle();
  });

  it('refuses a message over 4 KB before anything is stored or counted', async () => {
    const before = await app.db.query<{ n: number }>(`select count(*)::int as n from chat.request`);
    await expect(chatTurn(app, customerId, 'x'.repeat(4097))).rejects.toMatchObject({ rule: 'chat.message.too_long' });
    const after = await app.db.query<{ n: number }>(`select count(*)::int as n from chat.request`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses a customer owner that is not the bound customer', async () => {
    await expect(
      runWithAuth({ actor: customerId, channel: 'portal-chat', serviceIdentity: 'portal_self_serve', customerId }, () =>
        app.get(SendChatMessageCommand).execute({ ownerKey: other.customerId, message: 'hello' }),
      ),
    ).rejects.toMatchObject({ rule: 'chat.owner.invalid' });
  });

  describe('escalation', () => {
    it('files the transcript under its SHA-256 and opens the case with the hash (fixture model)', async () => {
      const restore = useFixtureModel({
        responses: [
          {
            match: 'stolen',
            steps: [
              { tool_calls: [{ name: 'case.open_for_me', args: { category: 'fraud', subject: 'Card used without permission', description: 'My phone was stolen and used.' } }] },
              { content: "I've opened a case; a person from our team will follow up by email." },
            ],
          },
        ],
      });
      try {
        const { turn } = await chatTurn(app, customerId, 'My phone was stolen and someone is using my line');
        expect(turn.tools).toEqual([{ name: 'case.open_for_me', ok: true }]);
        const [kase] = (await app.get(CaseQueries).list({ customerId })).filter((c) => c.subject === 'Card used without permission');
        expect(kase).toMatchObject({ category: 'account', priority: 'high', description: '[fraud] My phone was stolen and used.' });
        const transcript = await app.get(CaseQueries).transcriptFor(kase.id);
        expect(transcript).toMatchObject({ verified: true, customerId });
        expect(transcript!.body).toContain('User: My phone was stolen and someone is using my line');
        expect(turn.reply).toContain('follow up by email');
      } finally {
        restore();
      }
    });

    it('replaces a reply that claims an escalation no tool made (claim guard)', async () => {
      const restore = useFixtureModel({ responses: [{ match: 'dispute', steps: [{ content: "I've escalated this to our billing team." }] }] });
      try {
        const { turn } = await chatTurn(app, customerId, 'I dispute this charge');
        expect(turn.reply).not.toMatch(/escalated/);
        expect(turn.reply).toMatch(/support@|write to/);
      } finally {
        restore();
      }
    });
  });

  describe('layer 2: a wrapper given a foreign id', () => {
    it('refuses before any data is read, and the reply carries nothing of the other line', async () => {
      const restore = useFixtureModel({
        responses: [{ match: 'neighbour', steps: [{ tool_calls: [{ name: 'subscription.get_balance_mine', args: { subscriptionId: other.lineId } }] }, { content: 'Sorry, that line is not yours.' }] }],
      });
      try {
        const { turn, frames } = await chatTurn(app, customerId, `what is my neighbour's balance on ${other.lineId}`);
        expect(turn.tools).toEqual([{ name: 'subscription.get_balance_mine', ok: false }]);
        expect(bytes(frames)).not.toContain(other.customerId);
        expect(bytes(frames)).not.toContain(other.msisdn);
      } finally {
        restore();
      }
    });
  });

  describe('layer 3: the ownership trip-wire', () => {
    let original: AgentRunner;

    beforeAll(() => {
      // A deliberately leaky customer.get_mine (a wrapper bug): it returns another customer's profile.
      const spine = ToolRegistry.fromSpine();
      const leaky = (t: ToolDescriptor): ToolDescriptor =>
        t.name === 'customer.get_mine' ? { ...t, execution: { kind: 'read', run: async () => ({ id: other.customerId, name: 'Someone Else' }) } } : t;
      const registry = new ToolRegistry(spine.all().map(leaky));
      const chatRunner = app.get(ChatTurnRunner) as unknown as { agent: AgentRunner };
      original = chatRunner.agent;
      chatRunner.agent = new AgentRunner(registry, buildProfiles(registry), app.context);
    });
    afterAll(() => {
      (app.get(ChatTurnRunner) as unknown as { agent: AgentRunner }).agent = original;
    });

    it('a tool result carrying a foreign customer id ends the turn: P0 audit event, CRM interaction, generic apology, no data', async () => {
      const restore = useFixtureModel({ responses: [{ match: 'profile', steps: [{ tool_calls: [{ name: 'customer.get_mine', args: {} }] }, { content: 'Your name is Someone Else.' }] }] });
      try {
        const { turn, frames } = await chatTurn(app, customerId, 'show my profile');
        expect(turn.reply).toBe(GENERIC_APOLOGY);
        expect(bytes(frames)).not.toContain(other.customerId);
        expect(bytes(frames)).not.toContain('Someone Else');
        expect(bytes(frames)).not.toContain('customer.get_mine');
        const events = await app.get(AuditQueries).list({ eventType: 'agent.ownership_violation', limit: 5 });
        expect(events[0]).toMatchObject({ aggregateId: customerId, payload: { tool: 'customer.get_mine', found: other.customerId, severity: 'P0' } });
        const interactions = await app.get(InteractionQueries).listForCustomer(customerId);
        expect(interactions.map((i) => i.summary)).toContain('P0 agent ownership violation on customer.get_mine');
      } finally {
        restore();
      }
    });
  });

  describe('browse mode', () => {
    it('a visitor gets the catalog tools only; *.mine tools are never offered nor run', async () => {
      const { turn } = await chatTurn(app, 'anon-visitor1', 'what plans do you have');
      expect(turn.tools.every((t) => t.name.startsWith('catalog.'))).toBe(true);
      expect(turn.reply).toBeTruthy();
      const restore = useFixtureModel({ responses: [{ match: 'balance', steps: [{ tool_calls: [{ name: 'subscription.list_mine', args: {} }] }, { content: 'here' }] }] });
      try {
        const account = await chatTurn(app, 'anon-visitor1', 'what is my balance');
        expect(account.turn.tools).toEqual([{ name: 'subscription.list_mine', ok: false }]);
        expect(account.turn.reply).toMatch(/sign in/i);
      } finally {
        restore();
      }
    });
  });
});

describe('chat caps counted in Postgres', () => {
  let app: TestApp;
  let customerId: string;
  const env = { ...process.env };

  beforeAll(async () => {
    app = await createTestApp({ imports: [ChatModule] });
    customerId = (await createTestCustomer(app)).id;
  }, 120_000);
  afterAll(async () => {
    process.env = env;
    await app.close();
  });

  it('the hourly cap refuses the next message with when to come back; another customer is unaffected', async () => {
    process.env.BSS_CHAT_RATE_PER_CUSTOMER_PER_HOUR = '2';
    await chatTurn(app, customerId, 'what plans do you have');
    await chatTurn(app, customerId, 'what top ups do you have');
    const refused = chatTurn(app, customerId, 'and the cheapest?');
    await expect(refused).rejects.toMatchObject({ rule: 'chat.cap.hourly_rate' });
    await expect(refused).rejects.toMatchObject({ message: expect.stringMatching(/You can chat again from \d{4}-\d\d-\d\d \d\d:\d\d UTC/) });
    const someoneElse = (await createTestCustomer(app)).id;
    await expect(chatTurn(app, someoneElse, 'what plans do you have')).resolves.toMatchObject({ turn: { status: 'done' } });
    delete process.env.BSS_CHAT_RATE_PER_CUSTOMER_PER_HOUR;
  });

  it('the monthly cost cap refuses once the usage rows reach it, and allows below it', async () => {
    const owner = (await createTestCustomer(app)).id;
    const period = (await app.clock.now()).getUTCFullYear() * 100 + (await app.clock.now()).getUTCMonth() + 1;
    await app.db.query(`insert into chat.usage (owner_key, period_yyyymm, requests_count, cost_cents, last_updated) values ($1, $2, 3, 199, now())`, [owner, period]);
    await expect(chatTurn(app, owner, 'what plans do you have')).resolves.toMatchObject({ turn: { status: 'done' } });
    await app.db.query(`update chat.usage set cost_cents = 200 where owner_key = $1`, [owner]);
    await expect(chatTurn(app, owner, 'what plans do you have')).rejects.toMatchObject({ rule: 'chat.cap.monthly_cost', context: { retryAt: expect.stringMatching(/-01T00:00:00/) } });
  });

  it('the per-IP cap holds for anonymous visitors across owner keys', async () => {
    process.env.BSS_CHAT_RATE_PER_IP_PER_HOUR = '1';
    await chatTurn(app, 'anon-ipcap1', 'what plans do you have', { ip: '198.51.100.7' });
    await expect(chatTurn(app, 'anon-ipcap2', 'what plans do you have', { ip: '198.51.100.7' })).rejects.toMatchObject({ rule: 'chat.cap.ip_rate' });
    delete process.env.BSS_CHAT_RATE_PER_IP_PER_HOUR;
  });

  it('fails closed: a database error while counting refuses the turn, and nothing is stored', async () => {
    const owner = (await createTestCustomer(app)).id;
    await app.db.query(`alter table chat.request rename to request_gone`);
    try {
      await expect(chatTurn(app, owner, 'what plans do you have')).rejects.toMatchObject({ rule: 'chat.cap.check_failed' });
    } finally {
      await app.db.query(`alter table chat.request_gone rename to request`);
    }
    expect(await app.db.query(`select 1 from chat.turn where owner_key = $1`, [owner])).toEqual([]);
  });
});
