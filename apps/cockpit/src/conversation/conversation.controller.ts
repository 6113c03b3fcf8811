import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { autonomyFromEnv, type AgentCaller } from '@bss/agent';
import { ConversationStore, SessionTurnService, type SessionSummary } from '@bss/conversation';
import { Clock } from '@bss/platform';
import { formOf, renderToolResult } from '@bss/web';
import { operatorOf, type CockpitRequest, type FastifyReply } from '#cockpit/http/cockpit-request';
import { COCKPIT_AUTH } from '#cockpit/http/cockpit-gate.guard';
import { Back, CockpitController, CockpitRefusal } from '#cockpit/http/cockpit-routes';
import { CockpitUi } from '#cockpit/http/cockpit-ui';
import { TurnRunner } from './turn-runner';

const DRAFT_MAX = 2000;
const HEARTBEAT_MS = 10_000;
const threadPage = (p: Record<string, string>) => `/cockpit/${p.id}`;

/** Today / Yesterday / Earlier by the business clock's UTC day. */
export function bucketSessions(sessions: readonly SessionSummary[], now: Date): { label: string; sessions: SessionSummary[] }[] {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const today = day(now);
  const yesterday = day(new Date(now.getTime() - 86_400_000));
  const buckets = [
    { label: 'Today', sessions: [] as SessionSummary[] },
    { label: 'Yesterday', sessions: [] as SessionSummary[] },
    { label: 'Earlier', sessions: [] as SessionSummary[] },
  ];
  for (const s of sessions) {
    const d = day(new Date(s.lastActiveAt));
    buckets[d === today ? 0 : d === yesterday ? 1 : 2].sessions.push(s);
  }
  return buckets.filter((b) => b.sessions.length > 0);
}

/**
 * The conversation pages on the store the REPL uses: sessions index, a thread streaming its turn
 * over SSE, `/confirm` exactly as in the REPL (only it runs a staged action), focus pin, reset,
 * and the "Ask the agent" handoff (a focused session with a drafted request, never sent).
 */
@CockpitController()
export class ConversationController {
  private readonly autonomy = autonomyFromEnv(process.env);

  constructor(
    private readonly ui: CockpitUi,
    private readonly clock: Clock,
    private readonly store: ConversationStore,
    private readonly turns: SessionTurnService,
    private readonly runner: TurnRunner,
  ) {}

  private caller(req: CockpitRequest): AgentCaller {
    return { ...COCKPIT_AUTH, actor: operatorOf(req).email } as AgentCaller;
  }

  @Get()
  async index(@Req() req: CockpitRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const sessions = await this.store.listFor(operatorOf(req).email, { limit: 50 });
    return this.ui.page(req, reply, 'conversation/index', { title: 'Sessions', buckets: bucketSessions(sessions, await this.clock.now()) });
  }

  @Post('cockpit/new')
  async newSession(@Req() req: CockpitRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const session = await this.store.open({ actor: operatorOf(req).email, label: formOf(req).label || null });
    return this.ui.redirect(req, reply, `/cockpit/${session.id}`);
  }

  /** "Ask the agent": a new session focused on the customer, the request drafted in the compose box — never sent. */
  @Post('cockpit/handoff')
  async handoff(@Req() req: CockpitRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const customerId = /^CUST-[0-9a-f]{8}$/.test(form.customer_id ?? '') ? form.customer_id : null;
    const draft = (form.draft ?? '').slice(0, DRAFT_MAX);
    const session = await this.store.open({ actor: operatorOf(req).email, label: form.label || draft.slice(0, 80) || null, customerFocus: customerId });
    return this.ui.redirect(req, reply, `/cockpit/${session.id}?${new URLSearchParams({ draft }).toString()}`);
  }

  @Get('cockpit/:id')
  async thread(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Query('turn') turn?: string, @Query('draft') draft?: string): Promise<FastifyReply> {
    const session = await this.store.get(id);
    if (session.actor !== operatorOf(req).email) throw new CockpitRefusal('/', 'That conversation belongs to another operator.', 404);
    const [messages, pending] = await Promise.all([this.store.listMessages(id), this.store.peekPending(id)]);
    return this.ui.page(req, reply, 'conversation/thread', {
      title: session.label ?? session.id,
      session,
      messages,
      pending,
      draft: typeof draft === 'string' ? draft.slice(0, DRAFT_MAX) : '',
      streaming: turn === '1',
      mainClass: 'has-thread',
      running: this.runner.isRunning(id),
    });
  }

  /** Starts the turn detached from this request, then 303 to the thread, which attaches over SSE. */
  @Post('cockpit/:id/turn')
  @Back(threadPage)
  async turn(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const line = (formOf(req).message ?? '').trim().slice(0, DRAFT_MAX);
    if (!line) throw new CockpitRefusal(`/cockpit/${id}`, 'Type a message first.');
    await this.ownSession(req, id);
    const caller = this.caller(req);
    // Typing /confirm is the same as the button: exactly the staged call runs, nothing else.
    const started = line.startsWith('/confirm')
      ? this.runner.start(id, () => this.turns.confirm({ sessionId: id, caller, render: renderToolResult }))
      : this.runner.start(id, () => this.turns.turn({ sessionId: id, line, caller, autonomy: this.autonomy, render: renderToolResult }));
    if (!started) throw new CockpitRefusal(`/cockpit/${id}?turn=1`, 'A turn is still running in this conversation; wait for its reply.');
    return this.ui.redirect(req, reply, `/cockpit/${id}?turn=1`);
  }

  /** [improve] §7.5: the /confirm button runs the staged action (the reference's button only redirected). */
  @Post('cockpit/:id/confirm')
  @Back(threadPage)
  async confirm(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    await this.ownSession(req, id);
    const caller = this.caller(req);
    if (!this.runner.start(id, () => this.turns.confirm({ sessionId: id, caller, render: renderToolResult }))) {
      throw new CockpitRefusal(`/cockpit/${id}?turn=1`, 'A turn is still running in this conversation; wait for its reply.');
    }
    return this.ui.redirect(req, reply, `/cockpit/${id}?turn=1`);
  }

  @Post('cockpit/:id/reset')
  @Back(threadPage)
  async reset(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    await this.ownSession(req, id);
    await this.store.reset(id);
    return this.ui.done(req, reply, `/cockpit/${id}`, 'Conversation reset');
  }

  @Post('cockpit/:id/focus')
  @Back(threadPage)
  async focus(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    await this.ownSession(req, id);
    const customerId = (formOf(req).customer_id ?? '').trim();
    if (customerId && !/^CUST-[0-9a-f]{8}$/.test(customerId)) throw new CockpitRefusal(`/cockpit/${id}`, 'A focus is a customer id like CUST-3f9a0c12 (or empty to clear it).');
    await this.store.setFocus(id, { customerId: customerId || null });
    return this.ui.done(req, reply, `/cockpit/${id}`, customerId ? `Focus pinned on ${customerId}` : 'Focus cleared');
  }

  /**
   * SSE (GET never writes): a running turn → its frames so far, then each new one, with a `status
   * live` heartbeat every 10 s of silence; no running turn → the reload marker at once, so the page
   * renders the persisted reply and the model is never run again (behaviour 35).
   */
  @Get('cockpit/:id/events')
  async events(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<void> {
    await this.ownSession(req, id);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const send = (event: string, html: string) => raw.write(`event: ${event}\ndata: ${html}\n\n`);
    send('status', '<span class="dot live"></span> live');
    let heartbeat: NodeJS.Timeout | undefined;
    const beat = () => {
      clearTimeout(heartbeat);
      heartbeat = setTimeout(() => {
        send('status', '<span class="dot live"></span> live');
        beat();
      }, HEARTBEAT_MS);
    };
    const finish = () => {
      clearTimeout(heartbeat);
      raw.end();
    };
    const detach = this.runner.attach(id, (frame) => {
      send(frame.event, frame.html);
      if (frame.event === 'done') finish();
      else beat();
    });
    if (!detach) {
      send('done', '<div class="bss-reload" hidden></div>');
      finish();
      return;
    }
    beat();
    raw.on('close', () => {
      detach();
      clearTimeout(heartbeat);
    });
  }

  private async ownSession(req: CockpitRequest, id: string): Promise<void> {
    const session = await this.store.get(id);
    if (session.actor !== operatorOf(req).email) throw new CockpitRefusal('/', 'That conversation belongs to another operator.', 404);
  }
}
