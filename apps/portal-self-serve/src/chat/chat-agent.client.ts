import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { envString, UpstreamFailed } from '@bss/platform';

export const CHAT_AGENT_URL_ENV = 'BSS_CHAT_AGENT_URL';

export type SendOutcome = { ok: true; conversationId: string; turnId: string } | { ok: false; status: number; rule: string; message: string; retryAt?: string };

export interface SendRequest {
  ownerKey: string;
  /** Who is typing, for the audit rows (the session's email, or `portal-anon`). */
  actor: string;
  message: string;
  conversationId?: string;
  confirm?: 'yes';
  ip: string;
}

/**
 * The portal's side of the chat-agent service (:9003): turns are started over HTTP with the
 * portal's named token, so the agent, its model and its guards run in the agent service. Read per
 * call: the URL (`BSS_CHAT_AGENT_URL`) and the token (`BSS_PORTAL_SELF_SERVE_API_TOKEN`, else
 * `BSS_API_TOKEN`, seen as `default` and refused the customer profile).
 */
@Injectable()
export class ChatAgentClient {
  async send(request: SendRequest): Promise<SendOutcome> {
    const { actor, ...body } = request;
    const res = await this.call('/v1/chat/turns', { ...body, profile: 'customer_self_serve' }, actor);
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.status === 202) return { ok: true, conversationId: String(json.conversationId), turnId: String(json.turnId) };
    if (res.status >= 500) throw new UpstreamFailed('chat-agent', `chat-agent answered ${res.status}`, { status: res.status });
    const context = (json.context ?? {}) as Record<string, unknown>;
    return {
      ok: false,
      status: res.status,
      rule: String(json.rule ?? json.code ?? 'chat.refused'),
      message: String(json.message ?? 'The chat could not take that message.'),
      ...(typeof context.retryAt === 'string' ? { retryAt: context.retryAt } : {}),
    };
  }

  async reset(ownerKey: string, actor: string): Promise<void> {
    const res = await this.call('/v1/chat/reset', { ownerKey, profile: 'customer_self_serve' }, actor);
    if (!res.ok) throw new UpstreamFailed('chat-agent', `chat-agent reset answered ${res.status}`, { status: res.status });
  }

  private async call(path: string, body: object, actor: string): Promise<Response> {
    const token = process.env.BSS_PORTAL_SELF_SERVE_API_TOKEN || process.env.BSS_API_TOKEN || '';
    const url = `${envString(CHAT_AGENT_URL_ENV, 'http://127.0.0.1:9003')}${path}`;
    try {
      return await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-bss-api-token': token,
          'x-bss-actor': actor,
          'x-bss-channel': 'portal-chat',
          'x-request-id': randomUUID(),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new UpstreamFailed('chat-agent', `chat-agent unreachable: ${(error as Error).message}`, { url });
    }
  }
}
