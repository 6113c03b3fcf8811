import { PassThrough, Readable } from 'node:stream';
import { createChatModel } from '@bss/agent';
import { ConversationModule, ConversationStore, SessionTurnService } from '@bss/conversation';
import { BssCoreModule } from '@bss/core';
import { createTestCustomer } from '@bss/crm/testing';
import { createTestApp, type TestApp } from '@bss/testing';
import { CockpitRepl } from './cockpit-repl';

/** The REPL in-process (same code as `bss`, no process start): slash commands and their rows. */
describe('CockpitRepl slash commands', () => {
  let app: TestApp;
  let store: ConversationStore;

  beforeAll(async () => {
    app = await createTestApp({ imports: [BssCoreModule, ConversationModule] });
    store = app.get(ConversationStore);
  });
  afterAll(() => app.close());

  async function repl(lines: string[], actor = 'ops-slash') {
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk) => (text += String(chunk)));
    const cockpit = new CockpitRepl(store, app.get(SessionTurnService), { input: Readable.from(lines.map((l) => `${l}\n`)), output, interactive: false }, {
      caller: { actor, channel: 'cli-repl', serviceIdentity: 'operator_cockpit' },
      autonomy: 'granular',
      allowDestructive: false,
      model: createChatModel({ BSS_LLM_PROVIDER: 'offline' }),
    });
    await cockpit.start({ fresh: true, label: 'slash' });
    await cockpit.run();
    return { text, sessionId: cockpit.sessionId };
  }

  it('/help lists every slash command; an unknown one says so', async () => {
    const { text } = await repl(['/help', '/nope', '/exit']);
    for (const command of ['/help', '/sessions', '/new', '/switch', '/reset', '/focus', '/360', '/ports', '/confirm', '/config edit', '/operator edit', '/exit']) expect(text).toContain(command);
    expect(text).toContain('Unknown command /nope');
  });

  it('/config edit and /operator edit name the files (bootstrapped) when no one is at a terminal to edit them', async () => {
    const { text } = await repl(['/config', '/config edit', '/operator edit', '/exit']);
    expect(text).toMatch(/usage: \/config edit {3}\(.*settings\.toml\)/);
    expect(text).toMatch(/Edit .*settings\.toml in your editor; it is re-read on the next turn\./);
    expect(text).toMatch(/Edit .*OPERATOR\.md in your editor/);
  });

  it('/focus pins a customer, /360 prints its card and persists a customer.show tool row, /focus clear unpins', async () => {
    const customer = await createTestCustomer(app);
    const { text, sessionId } = await repl([`/focus ${customer.id}`, '/360', '/focus clear', '/exit']);
    expect(text).toContain(`Focus: ${customer.id}`);
    expect(text).toContain(`┌─ ${customer.id}`);
    expect((await store.listMessages(sessionId)).map((m) => [m.role, m.toolName, m.content.split('\n')[0]])).toEqual([
      ['user', null, '/360'],
      ['tool', 'customer.show', expect.stringContaining(customer.id)],
    ]);
    expect((await store.get(sessionId)).customerFocus).toBeNull();
  });

  it('/sessions lists the operator’s open sessions; /new closes this one; /switch resumes one and shows its tail', async () => {
    const first = await repl(['list customers', '/exit'], 'ops-sessions');
    const { text } = await repl(['/sessions', '/new later', `/switch ${first.sessionId}`, '/exit'], 'ops-sessions');
    expect(text).toMatch(/Session\s+Label\s+Focus\s+Last active\s+Msgs/);
    expect(text).toContain(first.sessionId);
    expect(text).toContain('(later)');
    expect(text).toContain('tool[customer.list]:');
    const open = await store.listFor('ops-sessions');
    expect(open.map((s) => s.label)).toEqual(['slash', 'later']);
  });

  it('/ports lists the queue; /ports approve stages the destructive approval for /confirm; /reset drops it', async () => {
    const { text, sessionId } = await repl(['/ports', '/ports approve PORT-0A1B2C3D', '/exit']);
    expect(text).toContain('(port.list: none)'); // an empty payload has no card (spec §2 dispatch)
    expect(text).toContain('Proposed port.approve(PORT-0A1B2C3D) — type /confirm');
    expect(await store.peekPending(sessionId)).toMatchObject({ toolName: 'port.approve', args: { portRequestId: 'PORT-0A1B2C3D' } });
    const cockpit = new CockpitRepl(store, app.get(SessionTurnService), { input: Readable.from([]), output: new PassThrough(), interactive: false }, {
      caller: { actor: 'ops-slash', channel: 'cli-repl', serviceIdentity: 'operator_cockpit' },
      autonomy: 'granular',
      allowDestructive: false,
      model: createChatModel({ BSS_LLM_PROVIDER: 'offline' }),
    });
    await cockpit.start({ sessionId });
    await cockpit.handle('/reset');
    expect(await store.peekPending(sessionId)).toBeNull();
    expect(await store.listMessages(sessionId)).toEqual([]);
  });

  it('carries on in a new session when its session row vanished', async () => {
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk) => (text += String(chunk)));
    const cockpit = new CockpitRepl(store, app.get(SessionTurnService), { input: Readable.from([]), output, interactive: false }, {
      caller: { actor: 'ops-vanish', channel: 'cli-repl', serviceIdentity: 'operator_cockpit' },
      autonomy: 'granular',
      allowDestructive: false,
      model: createChatModel({ BSS_LLM_PROVIDER: 'offline' }),
    });
    await cockpit.start({ fresh: true });
    const gone = cockpit.sessionId;
    await app.db.query(`delete from cockpit.session where id = $1`, [gone]);
    await cockpit.handle('list customers');
    expect(cockpit.sessionId).not.toBe(gone);
    expect(text).toContain(`Session was removed; continuing in ${cockpit.sessionId}`);
  });

  it('/confirm of a staged approval runs it and shows the NotFound verbatim when the request does not exist', async () => {
    const { text } = await repl(['/ports approve PORT-0A1B2C3D', '/confirm', '/exit']);
    expect(text).toMatch(/port\.approve\(PORT-0A1B2C3D\) did not run: NOT_FOUND/);
  });
});
