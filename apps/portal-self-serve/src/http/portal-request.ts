import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ResolvedSession, StepUpLabel } from '@bss/identity';
import type { AuthContext } from '@bss/policies';

/** What the gate learned about a browser request; handlers read the customer ONLY from here. */
export interface PortalContext {
  /** From a well-formed CSRF cookie; minted only when a page needs a token (see PortalUi.csrfToken). */
  csrfSecret: string | null;
  csrfToken?: string;
  session: ResolvedSession | null;
  /** The plaintext session token the browser holds after this request (rotation may change it). */
  stepUpConsumed: boolean;
  stepUpLabel?: StepUpLabel;
  /** A handler that answered with a soft failure (flash) names the rule for the portal audit. */
  actionError?: string;
}

export type PortalRequest = FastifyRequest & {
  portal: PortalContext;
  bssAuth?: Partial<AuthContext>;
  body?: unknown;
};

export type { FastifyReply };

/** The signed-in customer's id; the gate guarantees it on `linked` routes. */
export function customerIdOf(req: PortalRequest): string {
  const id = req.portal.session?.customerId;
  if (!id) throw new Error('customerIdOf on a route that is not gated as linked');
  return id;
}

export function sessionOf(req: PortalRequest): NonNullable<PortalContext['session']> {
  if (!req.portal.session) throw new Error('sessionOf on a route without a session gate');
  return req.portal.session;
}

/** The form parser and the client address moved to @bss/web (the cockpit reads them the same way). */
export { clientIp, formOf } from '@bss/web';
