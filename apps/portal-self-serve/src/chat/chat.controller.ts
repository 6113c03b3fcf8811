import { createHash } from 'node:crypto';
import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ChatFrameStream, ChatQueries, MAX_MESSAGE_BYTES, type ChatConversationView, type ChatFrame } from '@bss/chat';
import { NotFound } from '@bss/platform';
import { ViewRenderer } from '@bss/web';
import { Gate, PortalController } from '#portal-self-serve/http/gates';
import { clientIp, formOf, type FastifyReply, type PortalRequest } from '#portal-self-serve/http/portal-request';
import { PORTAL_VIEWS_DIR, PortalUi } from '#portal-self-serve/http/portal-ui';
import { ChatAgentClient } from './chat-agent.client';

const WIDGET = { page: 'chat/chat', fragment: 'chat/_widget' } as const;
const HEARTBEAT_MS = 10_000;

/**
 * The customer chat widget (portals spec §3.4): public routes, because a visitor without a line
 * chats too (browse mode, catalog only). The owner comes only from the gate's session: the
 * customer, `anon-<identity>` for a verified email without a line, or `anon-v<hash of the CSRF
 * secret>` for a browser before sign-in. Every POST passed the gate's CSRF check. Turns are started
 * in the chat-agent service; frames are read from Postgres, so any replica can stream them.
 */
@PortalController('chat')
@Gate('public')
export class ChatController {
  private readonly frames = new ViewRenderer(PORTAL_VIEWS_DIR);

  constructor(
    private readonly ui: PortalUi,
    private readonly chats: ChatQueries,
    private readonly stream: ChatFrameStream,
    private readonly agent: ChatAgentClient,
  ) {}

  @Get()
  async page(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.ui.page(req, reply, WIDGET.page, await this.widgetLocals(req, reply));
  }

  @Get('widget')
  async widget(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.ui.view(req, reply, WIDGET, await this.widgetLocals(req, reply));
  }

  @Post('message')
  async message(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const message = form.message ?? '';
    const ownerKey = this.ownerKey(req, reply);
    // Refused here too, so an oversized message never even leaves the portal.
    if (Buffer.byteLength(message, 'utf8') > MAX_MESSAGE_BYTES) {
      return this.answer(req, reply, { notice: `Your message is too long (the limit is ${MAX_MESSAGE_BYTES} bytes). Please shorten it.`, draft: message.slice(0, 4000) });
    }
    const outcome = await this.agent.send({
      ownerKey,
      actor: req.portal.session?.email ?? 'portal-anon',
      message,
      confirm: form.confirm === 'yes' ? 'yes' : undefined,
      ip: clientIp(req),
    });
    if (!outcome.ok) return this.answer(req, reply, { notice: outcome.message });
    return this.answer(req, reply, { streaming: { conversationId: outcome.conversationId, turnId: outcome.turnId } });
  }

  @Post('reset')
  async reset(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    await this.agent.reset(this.ownerKey(req, reply), req.portal.session?.email ?? 'portal-anon');
    return this.answer(req, reply, {});
  }

  /**
   * The SSE stream of a turn (`status`, `tool`, `message`, then `done`), each frame one line of
   * HTML. Another owner's conversation, or a turn outside it, is the same 404 as an unknown one.
   */
  @Get('events/:sid')
  async events(@Param('sid') sid: string, @Query('turn') turnId: string | undefined, @Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<void> {
    const ownerKey = this.ownerKey(req, reply);
    const conversation = await this.chats.ownedConversation(ownerKey, sid);
    const turn = conversation.turns.find((t) => t.id === turnId) ?? (turnId ? undefined : conversation.turns.at(-1));
    if (!turn) throw new NotFound('conversation', sid);
    const csrfToken = req.portal.session ? this.ui.csrfToken(req, reply) : '';
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    // A comment line every 10 s keeps proxies from cutting a stream while a slow model thinks.
    const heartbeat = setInterval(() => reply.raw.destroyed || reply.raw.write(': keepalive\n\n'), HEARTBEAT_MS);
    try {
      for await (const frame of this.stream.frames(turn.id)) {
        if (reply.raw.destroyed) return;
        reply.raw.write(sseEvent(frame.kind, this.renderFrame(frame, csrfToken)));
      }
      if (!reply.raw.destroyed) reply.raw.end(sseEvent('done', '<span hidden></span>'));
    } finally {
      clearInterval(heartbeat);
    }
  }

  private renderFrame(frame: ChatFrame, csrfToken: string): string {
    return this.frames.render('chat/_frame', { frame, csrfToken }).replace(/\r?\n/g, ' ');
  }

  private async answer(req: PortalRequest, reply: FastifyReply, extra: Record<string, unknown>): Promise<FastifyReply> {
    // Without HTMX (no script) a POST lands back on the chat page (post/redirect/get).
    if (req.headers['hx-request'] !== 'true') return this.ui.redirect(req, reply, '/chat');
    return this.ui.view(req, reply, WIDGET, { ...(await this.widgetLocals(req, reply)), ...extra });
  }

  private async widgetLocals(req: PortalRequest, reply: FastifyReply): Promise<Record<string, unknown>> {
    const conversation: ChatConversationView | null = await this.chats.activeConversation(this.ownerKey(req, reply));
    const running = conversation?.turns.find((t) => t.status === 'running');
    return {
      title: 'Chat',
      turns: (conversation?.turns ?? []).filter((t) => t.status !== 'running'),
      pending: conversation?.pending ?? null,
      streaming: running && conversation ? { conversationId: conversation.id, turnId: running.id } : null,
      browse: !req.portal.session?.customerId,
      maxBytes: MAX_MESSAGE_BYTES,
    };
  }

  /** Whose chat this is, from the session only (never from the form or the URL). */
  private ownerKey(req: PortalRequest, reply: FastifyReply): string {
    const session = req.portal.session;
    if (session?.customerId) return session.customerId;
    if (session) return `anon-${session.identityId}`;
    // A browser before sign-in is known by its CSRF secret cookie (minted here if it has none).
    if (!req.portal.csrfSecret) this.ui.csrfToken(req, reply);
    return `anon-v${createHash('sha256').update(req.portal.csrfSecret ?? '').digest('hex').slice(0, 32)}`;
  }
}

function sseEvent(event: string, html: string): string {
  return `event: ${event}\ndata: ${html}\n\n`;
}
