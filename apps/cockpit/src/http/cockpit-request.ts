import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OperatorRole } from '@bss/identity';
import type { AuthContext } from '@bss/policies';

/** The operator a request acts for: from the session, or the single trusted operator (`BSS_COCKPIT_AUTH=none`). */
export interface CockpitOperator {
  operatorId: string;
  email: string;
  name: string;
  role: OperatorRole;
  /** Null in trusted-perimeter mode (no sign-in). */
  sessionId: string | null;
}

/** What the gate learned about a browser request; handlers read the operator ONLY from here. */
export interface CockpitContext {
  operator: CockpitOperator | null;
  /** What this request's CSRF token is bound to (the session's secret, or the anonymous cookie's). */
  csrfBinding: { kind: 'session' | 'anonymous'; secret: string } | null;
  /** The anonymous secret minted on this request, for the Set-Cookie. */
  csrfToken?: string;
  trustedPerimeter: boolean;
  /** The write's form page (its `@Back`), where a refusal or a PolicyViolation is flashed. */
  backUrl?: string;
}

export type CockpitRequest = FastifyRequest & {
  cockpit: CockpitContext;
  bssAuth?: Partial<AuthContext>;
  body?: unknown;
};

export type { FastifyReply };

export function operatorOf(req: CockpitRequest): CockpitOperator {
  if (!req.cockpit?.operator) throw new Error('operatorOf on a route the gate did not pass');
  return req.cockpit.operator;
}
