import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ChatFrameStream, ChatQueries, ResetChatCommand, SendChatMessageCommand, type ChatConversationView, type ChatTurnStarted } from '@bss/chat';
import { ChatCallerGuard, ServesProfiles, type ChatCallerRequest } from './chat-caller.guard';
import { OperatorTurns, type OperatorTurnResult } from './operator-turns';

interface SendBody {
  profile?: string;
  ownerKey: string;
  operator: string;
  conversationId?: string;
  sessionId?: string;
  message: string;
  confirm?: 'yes';
  ip?: string;
}

/**
 * The turns API other apps call with their named token (`X-BSS-API-Token`). Guards in order: the
 * perimeter (token → service identity), then ChatCallerGuard (identity → allowed profile; the
 * customer, or the operator, bound into the auth context). Inside a customer turn every tool call
 * passes the profile (layer 1), the wrapper's ownership pre-check (layer 2) and the output
 * trip-wire (layer 3); an operator turn runs the operator_cockpit profile behind the destructive gate.
 */
@Controller('v1/chat')
@UseGuards(ChatCallerGuard)
export class ChatTurnsController {
  constructor(
    private readonly send: SendChatMessageCommand,
    private readonly reset: ResetChatCommand,
    private readonly chats: ChatQueries,
    private readonly stream: ChatFrameStream,
    private readonly operatorTurns: OperatorTurns,
  ) {}

  /**
   * A customer turn answers 202 at once: it runs detached, its frames stream from GET …/events.
   * An operator turn (`profile: operator_cockpit`, the cockpit's token) answers 200 with its outcome.
   */
  @Post('turns')
  @ServesProfiles('customer_self_serve', 'operator_cockpit')
  startTurn(@Body() body: SendBody, @Req() req: ChatCallerRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ChatTurnStarted | OperatorTurnResult> {
    if (req.chatProfile === 'operator_cockpit') {
      reply.status(200);
      return this.operatorTurns.run({ operator: body.operator, sessionId: body.sessionId, message: body.message, confirm: body.confirm });
    }
    reply.status(202);
    return this.send.execute({ ownerKey: body.ownerKey, conversationId: body.conversationId, message: body.message, confirm: body.confirm, ip: body.ip });
  }

  @Post('reset')
  @HttpCode(200)
  resetChat(@Body() body: { ownerKey: string }): Promise<{ closed: number }> {
    return this.reset.execute({ ownerKey: body.ownerKey });
  }

  @Get('conversations/active')
  active(@Query('ownerKey') ownerKey: string): Promise<ChatConversationView | null> {
    return this.chats.activeConversation(ownerKey);
  }

  /** A turn's frames as SSE (`event: status|tool|message`, JSON data); another owner's turn is a 404. */
  @Get('turns/:turnId/events')
  async events(@Param('turnId') turnId: string, @Query('ownerKey') ownerKey: string, @Res() reply: FastifyReply): Promise<void> {
    await this.chats.ownedTurn(ownerKey, turnId);
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    for await (const frame of this.stream.frames(turnId)) {
      if (reply.raw.destroyed) break;
      reply.raw.write(`event: ${frame.kind}\ndata: ${JSON.stringify(frame.data)}\n\n`);
    }
    reply.raw.end();
  }
}
