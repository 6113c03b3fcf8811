import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AgentCaller, Autonomy, ChatModelHandle } from '@bss/agent';
import { ConversationStore, SessionTurnService, describeCall, errorLine, type SessionTurnEvent, type SessionView } from '@bss/conversation';
import { NotFound, isBssError } from '@bss/platform';
import { cardRenderer } from './render-tool-result';

export interface ReplIo {
  input: Readable;
  output: Writable;
  /** A person at a terminal: prompt, history, line editing. Otherwise lines in, plain text out. */
  interactive: boolean;
}

export interface ReplOptions {
  caller: AgentCaller;
  autonomy: Autonomy;
  allowDestructive: boolean;
  model: ChatModelHandle;
  /** Where typed lines are kept between runs (interactive only). */
  historyFile?: string;
}

const ID = {
  customer: /^CUST-[0-9a-f]{8}$/,
  session: /^SES-\d{8}-[0-9a-f]{8}$/,
  port: /^PORT-[0-9A-Fa-f]{8}$/,
};

/** A multi-line reply after a card is a recap of it; one short closing sentence still prints. */
function isRecap(text: string): boolean {
  return text.includes('\n') || text.length > 160;
}

export const SLASH_HELP = [
  '/help                         this list',
  '/sessions                     your open sessions, newest activity first',
  '/new [LABEL]                  close this session and open a new one',
  '/switch SES-…                 resume another session (shows its last messages)',
  '/reset                        forget this session’s messages and staged action',
  '/focus CUST-… | /focus clear  pin (or unpin) the customer the conversation is about',
  '/360 [CUST-…]                 the customer 360 (default: the focused customer)',
  '/ports [list]                 the port request queue',
  '/ports approve PORT-…         stage approving a port (runs on /confirm)',
  '/ports reject PORT-… REASON   reject a port request',
  '/confirm                      run the staged destructive action',
  '/config edit, /operator edit  edit settings.toml / OPERATOR.md in $EDITOR (re-read on the next turn)',
  '/exit, /quit                  leave (the session stays open)',
  'Anything else goes to the agent; "list customers", "show plans", "port requests", … answer without it.',
].join('\n');

/**
 * The terminal face of the operator cockpit: reads lines, routes slash commands, hands every
 * other line to the session-turn service and prints what it streams. All state lives in the
 * conversation store, so the browser cockpit sees the same session.
 */
export class CockpitRepl {
  private session!: SessionView;
  private readline?: Interface;

  constructor(
    private readonly store: ConversationStore,
    private readonly turns: SessionTurnService,
    private readonly io: ReplIo,
    private readonly options: ReplOptions,
  ) {}

  get sessionId(): string {
    return this.session.id;
  }

  /** Picks the session: `--session` resumes it, `--new` opens one, else the operator's latest active one (or a new one). */
  async start(choice: { sessionId?: string; fresh?: boolean; label?: string }): Promise<void> {
    const actor = this.options.caller.actor;
    if (choice.sessionId) this.session = await this.store.resume(choice.sessionId);
    else if (choice.fresh) this.session = await this.store.open({ actor, label: choice.label ?? null });
    else this.session = (await this.store.latestActive(actor)) ?? (await this.store.open({ actor, label: choice.label ?? null }));
    this.banner();
  }

  /** `--list`: the operator's open sessions. */
  async listSessions(): Promise<void> {
    this.say(await this.sessionTable());
  }

  /** Reads lines until `/exit` or the end of input. */
  async run(): Promise<void> {
    const rl = createInterface({
      input: this.io.input,
      output: this.io.interactive ? this.io.output : undefined,
      terminal: this.io.interactive,
      history: this.io.interactive ? this.loadHistory() : [],
      historySize: 1000,
    });
    this.readline = rl;
    this.prompt();
    try {
      for await (const raw of rl) {
        const line = raw.trim();
        if (line) {
          this.remember(line);
          if ((await this.handle(line)) === 'exit') break;
        }
        this.prompt();
      }
    } finally {
      rl.close();
    }
  }

  /** One line, as typed. */
  async handle(line: string): Promise<'exit' | void> {
    try {
      if (line.startsWith('/')) return await this.slash(line);
      await this.print(this.turns.turn({ sessionId: this.session.id, line, caller: this.options.caller, autonomy: this.options.autonomy, allowDestructive: this.options.allowDestructive, model: this.options.model, render: cardRenderer }));
    } catch (error) {
      if (error instanceof NotFound && error.context.entity === 'session' && error.context.id === this.session.id) {
        // Someone closed and deleted this session elsewhere (the browser, a reset): carry on in a new one.
        this.session = await this.store.open({ actor: this.options.caller.actor, label: this.session.label });
        this.say(`Session was removed; continuing in ${this.session.id}. Type the line again.`);
        return;
      }
      this.say(isBssError(error) ? `${error.code}  ${error.message}` : `error: ${(error as Error).message}`);
    }
  }

  private async slash(line: string): Promise<'exit' | void> {
    const [command = '', ...rest] = line.split(/\s+/);
    const arg = rest[0];
    const base = { sessionId: this.session.id, caller: this.options.caller, render: cardRenderer };
    switch (command.toLowerCase()) {
      case '/exit':
      case '/quit':
        return 'exit';
      case '/help':
        return this.say(SLASH_HELP);
      case '/sessions':
        return this.say(await this.sessionTable());
      case '/new':
        await this.store.close(this.session.id);
        this.session = await this.store.open({ actor: this.options.caller.actor, label: rest.join(' ') || null });
        return this.banner();
      case '/switch': {
        if (!arg || !ID.session.test(arg)) return this.say('usage: /switch SES-YYYYMMDD-xxxxxxxx');
        this.session = await this.store.resume(arg);
        this.banner();
        for (const m of await this.store.listMessages(arg, { last: 5 })) this.say(`${m.role === 'tool' ? `tool[${m.toolName}]` : m.role}:\n${m.content}\n`);
        return;
      }
      case '/reset':
        await this.store.reset(this.session.id);
        return this.say('Session reset: messages and any staged action are gone; the session and its focus stay.');
      case '/focus': {
        if (arg === 'clear') {
          this.session = await this.store.setFocus(this.session.id, { customerId: null });
          return this.say('Focus cleared.');
        }
        if (!arg || !ID.customer.test(arg)) return this.say('usage: /focus CUST-xxxxxxxx | /focus clear');
        this.session = await this.store.setFocus(this.session.id, { customerId: arg });
        return this.say(`Focus: ${arg}`);
      }
      case '/360': {
        const customerId = arg ?? this.session.customerFocus;
        if (!customerId || !ID.customer.test(customerId)) return this.say('usage: /360 CUST-xxxxxxxx (or /focus one first)');
        return this.print(this.turns.direct({ ...base, line, toolName: 'customer.show', args: { customerId } }));
      }
      case '/ports': {
        const [action = 'list', portRequestId, ...reason] = rest;
        if (action === 'list') return this.print(this.turns.direct({ ...base, line, toolName: 'port.list', args: { limit: 50 } }));
        if (!portRequestId || !ID.port.test(portRequestId)) return this.say('usage: /ports approve PORT-… | /ports reject PORT-… REASON');
        if (action === 'approve') return this.print(this.turns.direct({ ...base, line, toolName: 'port.approve', args: { portRequestId } }));
        if (action === 'reject') return this.print(this.turns.direct({ ...base, line, toolName: 'port.reject', args: { portRequestId, ...(reason.length ? { reason: reason.join(' ') } : {}) } }));
        return this.say('usage: /ports [list] | approve PORT-… | reject PORT-… REASON');
      }
      case '/confirm':
        return this.print(this.turns.confirm(base));
      case '/config':
      case '/operator':
        return this.editSettings(command.toLowerCase() === '/config' ? 'settings' : 'operator', arg);
      default:
        return this.say(`Unknown command ${command}; /help lists them.`);
    }
  }

  /** Prints a turn's events as they come. */
  private async print(events: AsyncIterable<SessionTurnEvent>): Promise<void> {
    let staged: string | undefined;
    let cards = 0;
    for await (const event of events) {
      switch (event.type) {
        case 'pending_dropped':
          this.say(`(dropped the staged ${describeCall(event.toolName, event.args)}: only /confirm runs it)`);
          break;
        case 'tool_result':
          if (event.rendered) {
            this.say(event.rendered);
            cards += 1;
          }
          else if (!event.ok && event.error !== 'DESTRUCTIVE_OPERATION_BLOCKED') this.say(`✗ ${event.name} → ${errorLine(event.result)}`);
          else if (event.ok) this.say(Array.isArray(event.result) && event.result.length === 0 ? `(${event.name}: none)` : `✓ ${describeCall(event.name, event.args)}`);
          break;
        case 'proposal_staged':
          staged = event.toolName;
          break;
        case 'assistant':
          // The card already said it: a reply that recaps it in prose is kept in the transcript, not printed (spec §3.2 step 9).
          if (!(event.kind === 'reply' && cards > 0 && isRecap(event.text))) this.say(event.text);
          if (event.kind === 'proposal' && staged) this.say(`Pending /confirm for ${staged}`);
          break;
        case 'notice':
          this.say(event.text);
          break;
        case 'user_recorded':
        case 'tool_started':
        case 'usage':
          break;
      }
    }
  }

  /** `/config edit` and `/operator edit`: the files are bootstrapped first; a bad edit keeps the last good settings. */
  private editSettings(which: 'settings' | 'operator', action: string | undefined): void {
    const { settings } = this.turns;
    const path = which === 'settings' ? settings.settingsPath : settings.operatorPath;
    if (which === 'settings') settings.values();
    else settings.operatorPersona();
    if (action !== 'edit') return this.say(`usage: /${which === 'settings' ? 'config' : 'operator'} edit   (${path})`);
    if (!this.io.interactive) return this.say(`Edit ${path} in your editor; it is re-read on the next turn.`);
    this.readline?.pause();
    spawnSync(process.env.VISUAL ?? process.env.EDITOR ?? 'vi', [path], { stdio: 'inherit' });
    this.readline?.resume();
    if (which === 'settings') {
      settings.values();
      return this.say(settings.lastError ?? `Settings reloaded from ${path}.`);
    }
    return this.say(`OPERATOR.md reloaded (${path}); the next turn's prompt opens with it.`);
  }

  private async sessionTable(): Promise<string> {
    const sessions = await this.store.listFor(this.options.caller.actor);
    if (!sessions.length) return '(no open sessions)';
    const rows = sessions.map((s) =>
      [s.id === this.session?.id ? `*${s.id}` : ` ${s.id}`, (s.label ?? '—').slice(0, 20).padEnd(20), (s.customerFocus ?? '—').padEnd(13), s.lastActiveAt.slice(0, 16).replace('T', ' '), String(s.messageCount).padStart(4)].join('  '),
    );
    return [` ${'Session'.padEnd(21)}  ${'Label'.padEnd(20)}  ${'Focus'.padEnd(13)}  ${'Last active'.padEnd(16)}  Msgs`, ...rows].join('\n');
  }

  private banner(): void {
    const s = this.session;
    const { model } = this.options;
    this.say(
      [
        `bss operator cockpit — operator ${this.options.caller.actor} · model ${this.turns.settings.values().llm.model ?? `${model.provider}/${model.modelName}`}`,
        ...(this.turns.settings.lastError ? [`settings: ${this.turns.settings.lastError}`] : []),
        `session ${s.id}${s.label ? ` (${s.label})` : ''} · focus ${s.customerFocus ?? 'none'} · autonomy ${this.options.autonomy}`,
        ...(this.options.allowDestructive ? ['WARNING: --allow-destructive: destructive actions run without /confirm'] : []),
        '/help for commands · /confirm runs a staged action · /exit to leave',
      ].join('\n'),
    );
  }

  private say(text: string): void {
    this.io.output.write(`${text}\n`);
  }

  private prompt(): void {
    if (!this.io.interactive || !this.readline) return;
    this.readline.setPrompt(`bss:${this.session.id.slice(-8)}> `);
    this.readline.prompt();
  }

  private loadHistory(): string[] {
    const file = this.options.historyFile;
    if (!file || !existsSync(file)) return [];
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 1000);
  }

  private remember(line: string): void {
    if (!this.io.interactive || !this.options.historyFile) return;
    try {
      appendFileSync(this.options.historyFile, `${line}\n`);
    } catch {
      // A read-only home must not stop the cockpit.
    }
  }
}
