import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestCustomer } from '@bss/crm/testing';
import { runWithAuth } from '@bss/policies';
import { createTestApp, type TestApp } from '@bss/testing';
import { ChatModule } from '#chat/chat.module';
import type { ChatFrame } from '#chat/domain/chat-frame';
import { INTERRUPTED_REPLY, TURN_HEARTBEAT_MS, TURN_LEASE_MS } from '#chat/domain/chat-turn-lease';
import { ChatFrameStream } from '#chat/queries/chat-frame-stream';
import { ChatQueries } from '#chat/queries/chat.queries';
import { chatTurn } from '#chat/testing';
import { ChatTurnRunner } from './chat-turn-runner';
import { SendChatMessageCommand } from './send-chat-message.command';
import { SweepInterruptedTurnsCommand } from './sweep-interrupted-turns.command';

const NOW = new Date('2026-03-02T10:00:00Z');

/** What a chat-agent process that died mid-turn leaves behind: the turn `running`, its `live` frame, a lease nobody renews. */
async function orphanedTurn(app: TestApp, ownerKey: string, leaseUntil: Date): Promise<string> {
  const suffix = Math.random().toString(16).slice(2, 10).padEnd(8, '0');
  const conversationId = `CHT-${suffix}`;
  const turnId = `TRN-${suffix}`;
  await app.db.query(`insert into chat.conversation (id, owner_key, customer_id, state, created_at, last_active_at) values ($1, $2, $2, 'active', $3, $3)`, [
    conversationId,
    ownerKey,
    NOW,
  ]);
  await app.db.query(
    `insert into chat.turn (id, conversation_id, owner_key, prompt, status, started_at, lease_until) values ($1, $2, $3, 'how much data do I have left', 'running', $4, $5)`,
    [turnId, conversationId, ownerKey, NOW, leaseUntil],
  );
  await app.db.query(`insert into chat.frame (turn_id, seq, kind, data) values ($1, 1, 'status', '{"status":"live"}')`, [turnId]);
  return turnId;
}

async function collect(frames: AsyncIterable<ChatFrame>): Promise<ChatFrame[]> {
  const out: ChatFrame[] = [];
  for await (const frame of frames) out.push(frame);
  return out;
}

describe('crashed-turn sweeper: a turn whose process died ends as interrupted, never re-run', () => {
  let app: TestApp;
  let customerId: string;
  let sweeper: SweepInterruptedTurnsCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [ChatModule] });
    customerId = (await createTestCustomer(app)).id;
    sweeper = app.get(SweepInterruptedTurnsCommand);
    await app.clock.freeze(NOW.toISOString());
  }, 120_000);
  afterAll(() => app.close());

  it('sweeps a running turn whose lease expired: its open stream ends with the interrupted frame, then status error', async () => {
    const turnId = await orphanedTurn(app, customerId, new Date(NOW.getTime() - 1_000));
    // A widget is waiting on the turn's stream while nothing runs it any more.
    const streamed = collect(app.get(ChatFrameStream).frames(turnId));

    expect(await sweeper.execute()).toEqual([turnId]);
    const frames = await streamed;
    expect(frames.map((f) => [f.kind, f.data])).toEqual([
      ['status', { status: 'live' }],
      ['message', { text: INTERRUPTED_REPLY, interrupted: true }],
      ['status', { status: 'error' }],
    ]);
    const turn = await app.get(ChatQueries).ownedTurn(customerId, turnId);
    expect(turn).toMatchObject({ status: 'error', reply: INTERRUPTED_REPLY, finishedAt: NOW });
    // Nothing ran the model again: no usage was counted, and the audit shows the interruption by the sweeper.
    expect((await app.get(ChatQueries).usage(customerId, NOW)).requestsCount).toBe(0);
    const audit = await app.db.query<{ actor: string }>(`select actor from audit.domain_event where event_type = 'chat.turn_interrupted' and payload->>'turnId' = $1`, [turnId]);
    expect(audit).toEqual([{ actor: 'system:chat_turn_sweeper' }]);
    // Swept once: a second sweep (another replica) finds nothing.
    expect(await sweeper.execute()).toEqual([]);
  });

  it('leaves a running turn whose lease is still valid, and sweeps it once the lease has passed', async () => {
    const turnId = await orphanedTurn(app, customerId, new Date(NOW.getTime() + TURN_LEASE_MS));
    expect(await sweeper.execute()).not.toContain(turnId);
    expect((await app.get(ChatQueries).ownedTurn(customerId, turnId)).status).toBe('running');

    await app.clock.freeze(new Date(NOW.getTime() + TURN_LEASE_MS + 1_000).toISOString());
    try {
      expect(await sweeper.execute()).toEqual([turnId]);
      const frames = await app.get(ChatQueries).frames(turnId);
      expect(frames.at(-1)).toMatchObject({ kind: 'status', data: { status: 'error' } });
    } finally {
      await app.clock.freeze(NOW.toISOString());
    }
  });

  it('a turn that finished normally holds no lease, and the sweeper never touches it', async () => {
    const { turnId, turn } = await chatTurn(app, customerId, 'what plans do you have');
    expect(turn.status).toBe('done');
    const [row] = await app.db.query<{ lease_until: Date | null }>(`select lease_until from chat.turn where id = $1`, [turnId]);
    expect(row.lease_until).toBeNull();
    await app.clock.freeze(new Date(NOW.getTime() + 10 * TURN_LEASE_MS).toISOString());
    try {
      expect(await sweeper.execute()).toEqual([]);
      expect((await app.get(ChatQueries).ownedTurn(customerId, turnId)).status).toBe('done');
    } finally {
      await app.clock.freeze(NOW.toISOString());
    }
  });

  it('while the model thinks, the heartbeat renews the lease: the turn outlives its first lease and is not swept', async () => {
    // A model that answers only when the test says so (an OpenAI-compatible server on a free port).
    let answer: (res: ServerResponse) => void = () => undefined;
    let held: ServerResponse | undefined;
    const asked = new Promise<void>((resolve) => {
      answer = (res) => {
        held = res;
        resolve();
      };
    });
    const server = createServer((req, res) => req.resume().on('end', () => answer(res)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const env = { BSS_LLM_PROVIDER: 'openai', BSS_LLM_API_KEY: 'test', BSS_LLM_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, BSS_LLM_MAX_RETRIES: '0' };
    Object.assign(process.env, env);
    // Only the heartbeat's interval is driven by the test; every other timer (the database's, HTTP's) runs for real.
    jest.useFakeTimers({ doNotFake: ['Date', 'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout'] });
    try {
      const started = await runWithAuth({ actor: customerId, channel: 'portal-chat', serviceIdentity: 'portal_self_serve', customerId }, () =>
        app.get(SendChatMessageCommand).execute({ ownerKey: customerId, message: 'how much data do I have left' }),
      );
      await asked;
      const leaseOf = async () => (await app.db.query<{ lease_until: Date | null }>(`select lease_until from chat.turn where id = $1`, [started.turnId]))[0].lease_until;
      expect(await leaseOf()).toEqual(new Date(NOW.getTime() + TURN_LEASE_MS));

      const later = new Date(NOW.getTime() + TURN_LEASE_MS - 10_000);
      await app.clock.freeze(later.toISOString());
      jest.advanceTimersByTime(TURN_HEARTBEAT_MS);
      const renewed = new Date(later.getTime() + TURN_LEASE_MS);
      // The renewal is one UPDATE started by the tick: wait for it to land.
      for (let i = 0; i < 200 && (await leaseOf())?.getTime() !== renewed.getTime(); i++) await new Promise((resolve) => setImmediate(resolve));
      expect(await leaseOf()).toEqual(renewed);

      // Past the first lease, the sweeper leaves the turn alone: its process is alive.
      await app.clock.freeze(new Date(NOW.getTime() + TURN_LEASE_MS + 10_000).toISOString());
      expect(await sweeper.execute()).toEqual([]);

      const chunk = (delta: object, finish: string | null) =>
        `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      held!.writeHead(200, { 'content-type': 'text/event-stream' });
      held!.end(`${chunk({ role: 'assistant', content: 'You have plenty left.' }, null)}${chunk({}, 'stop')}data: [DONE]\n\n`);
      await app.get(ChatTurnRunner).idle();
      expect(await app.get(ChatQueries).ownedTurn(customerId, started.turnId)).toMatchObject({ status: 'done' });
      expect(await leaseOf()).toBeNull();
    } finally {
      jest.useRealTimers();
      for (const name of Object.keys(env)) delete process.env[name];
      held?.destroy();
      server.close();
      await app.clock.freeze(NOW.toISOString());
    }
  });
});
