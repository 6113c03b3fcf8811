/** Everything the portal serves comes from itself: no CDN, no inline script or style, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'cross-origin-opener-policy': 'same-origin',
};

interface HookableServer {
  addHook(name: 'onSend', hook: (request: unknown, reply: { header(name: string, value: string): unknown; hasHeader(name: string): boolean }, payload: unknown, done: (err: Error | null, payload: unknown) => void) => void): unknown;
}

/** Adds the headers to every response (pages, fragments, assets, errors) of a Fastify server. */
export function applySecurityHeaders(server: HookableServer): void {
  server.addHook('onSend', (_request, reply, payload, done) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
    done(null, payload);
  });
}
