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

/** Actor, channel, tenant and request id from `X-BSS-*` headers; the identity never comes from a header. */
export function authFromHeaders(req: RequestWithAuth, fallbackChannel: Channel): Partial<AuthContext> {
  const channel = header(req, 'x-bss-channel');
  const requestId = header(req, 'x-request-id');
  return {
    actor: header(req, 'x-bss-actor')?.slice(0, 200) || 'system',
    channel: channel && (CHANNELS as readonly string[]).includes(channel) ? (channel as Channel) : fallbackChannel,
    tenant: header(req, 'x-bss-tenant')?.slice(0, 64) || DEFAULT_TENANT,
    // With tracing on, a new id is the request span's trace id: the audit log and the OTel backend agree.
    requestId: requestId && /^[\w.:-]{1,128}$/.test(requestId) ? requestId : newRequestId(),
  };
}
