import { newRequestId } from '@bss/platform';
import type { AuthContext, Channel } from '#policies/auth/auth-context';
import { CHANNELS, DEFAULT_TENANT } from '#policies/auth/auth-context';

/** What guards learn about a request; the interceptor turns it into the ambient AuthContext. */
export interface RequestWithAuth {
  headers: Record<string, string | string[] | undefined>;
  bssAuth?: Partial<AuthContext>;
}

function header(req: RequestWithAuth, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** What a caller's `X-Request-Id` may look like to be kept: short, and nothing a log line or header could be split on. */
export const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Actor, channel, tenant and request id from `X-BSS-*` headers; the identity never comes from a header.
 * The request id is always the server's own (with tracing on, the request span's trace id, so the
 * audit log and the OTel backend agree). A caller's `X-Request-Id` is only a correlation id beside
 * it: were it the request id, a caller could write into another request's trace by quoting its id.
 */
export function authFromHeaders(req: RequestWithAuth, fallbackChannel: Channel): Partial<AuthContext> {
  const channel = header(req, 'x-bss-channel');
  const correlationId = header(req, 'x-request-id');
  return {
    actor: header(req, 'x-bss-actor')?.slice(0, 200) || 'system',
    channel: channel && (CHANNELS as readonly string[]).includes(channel) ? (channel as Channel) : fallbackChannel,
    tenant: header(req, 'x-bss-tenant')?.slice(0, 64) || DEFAULT_TENANT,
    requestId: newRequestId(),
    ...(correlationId && CORRELATION_ID.test(correlationId) ? { correlationId } : {}),
  };
}
