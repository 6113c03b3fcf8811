import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { actorForSpan, addSpanAttributeSource } from '@bss/platform';

export const CHANNELS = ['cli', 'cli-repl', 'llm', 'scenario', 'system', 'portal-self-serve', 'portal-csr', 'portal-chat', 'cockpit', 'email', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who is acting, through which surface, under which service identity: stamped on every audit row. */
export interface AuthContext {
  actor: string;
  channel: Channel;
  /** Which named API token matched (`default`, `portal_self_serve`, `operator_cockpit`, …), never a header. */
  serviceIdentity: string;
  tenant: string;
  /** Set only for a logged-in customer; `*.mine` operations bind to it and nothing else. */
  customerId?: string;
  /** The server's id for this request (or the job chain it started): what traces group by. */
  requestId: string;
  /** The caller's own `X-Request-Id`, validated, kept beside `requestId` and never used as it. */
  correlationId?: string;
  roles: readonly string[];
}

export const DEFAULT_TENANT = 'DEFAULT';

const storage = new AsyncLocalStorage<AuthContext>();

// Spans (OpenTelemetry export, when on) say who acted, through which surface and token; never customer data.
addSpanAttributeSource(() => {
  const auth = storage.getStore();
  return auth ? { 'bss.actor': actorForSpan(auth.actor), 'bss.channel': auth.channel, 'bss.service_identity': auth.serviceIdentity } : {};
});

const SYSTEM_CONTEXT: Omit<AuthContext, 'requestId'> = {
  actor: 'system',
  channel: 'system',
  serviceIdentity: 'default',
  tenant: DEFAULT_TENANT,
  roles: ['admin'],
};

/** The ambient context, or a fresh `system` one outside any request. */
export function currentAuth(): AuthContext {
  return storage.getStore() ?? { ...SYSTEM_CONTEXT, requestId: randomUUID() };
}

export function runWithAuth<T>(context: Partial<AuthContext>, work: () => T): T {
  const full: AuthContext = { ...SYSTEM_CONTEXT, requestId: randomUUID(), ...context };
  return storage.run(full, work);
}

/** Workers push their own identity per item, e.g. `system:renewal_worker`, and drop it afterwards. */
export function runAsWorker<T>(worker: string, work: () => T, requestId?: string): T {
  return runWithAuth({ actor: `system:${worker}`, channel: 'system', requestId: requestId ?? randomUUID() }, work);
}

/** Enter a context for the rest of the current async chain (Fastify hooks use it per request). */
export function enterAuth(context: Partial<AuthContext>): AuthContext {
  const full: AuthContext = { ...SYSTEM_CONTEXT, requestId: randomUUID(), ...context };
  storage.enterWith(full);
  return full;
}
