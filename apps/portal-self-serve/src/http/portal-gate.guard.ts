import { Injectable, type CanActivate, type ExecutionContext, type Type } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { ConsumeStepUpGrantCommand, RotateSessionCommand, safeNextPath, SessionResolver, StashStepUpActionCommand, type StepUpLabel } from '@bss/identity';
import { NotFound } from '@bss/platform';
import { runWithAuth, type AuthContext } from '@bss/policies';
import { GateRedirect, gatedHttp, parseCookieJar, presentedCsrfToken, returnPathFor } from '@bss/web';
import { CONFIRM, GATE, GATE_MISS, isPublicPath, PORTAL_ROUTE, STEP_UP, STEP_UP_WHEN, type GateLevel, type StepUpCondition } from './gates';
import { formOf, type PortalRequest } from './portal-request';
import { PortalRefusal } from './portal-redirect';
import { csrfBindingOf, PortalUi } from './portal-ui';

const CSRF_SECRET = /^[A-Za-z0-9_-]{32}$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const DUPLICATE_COOKIE_COPY = "Your browser sent two copies of this site's sign-in cookies. Please clear this site's cookies and sign in again.";

/**
 * The portal's one front door, per request: the cookies (a security cookie sent twice is refused,
 * never guessed between), the anonymous CSRF secret (if the browser holds one), session (with
 * rotation at half-life), the route's gate (public < session < verified < linked; public only for
 * allowlisted paths), the CSRF check on writes (bound to the session, see `csrfBindingOf`), then
 * the step-up gate. The customer id handlers use comes only from
 * the session resolved here.
 */
@Injectable()
export class PortalGateGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly ui: PortalUi,
    private readonly sessions: SessionResolver,
    private readonly rotate: RotateSessionCommand,
    private readonly consumeGrant: ConsumeStepUpGrantCommand,
    private readonly stash: StashStepUpActionCommand,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = gatedHttp<PortalRequest>(context, this.reflector, PORTAL_ROUTE);
    if (!http) return true;
    const { req, reply } = http;
    const targets = [context.getHandler(), context.getClass()];
    const names = this.ui.cookieNames;
    const jar = parseCookieJar(req.headers.cookie);
    const cookies = jar.values;
    req.portal = { csrfSecret: null, session: null, stepUpConsumed: false };
    // Two values under one name (one planted from a sibling domain or another path) is ambiguous:
    // refuse rather than pick one ("first wins" lets the planted one win).
    if ([names.session, names.csrf, names.stepUp].some((name) => jar.duplicates.has(name))) {
      throw new PortalRefusal('/', 'portal.cookie.duplicate', DUPLICATE_COOKIE_COPY, 400);
    }

    // The secret is minted lazily, when a rendered page needs a token (PortalUi.csrfToken).
    const cookieSecret = cookies[names.csrf];
    req.portal.csrfSecret = cookieSecret && CSRF_SECRET.test(cookieSecret) ? cookieSecret : null;

    const anon: Partial<AuthContext> = { actor: 'portal-anon', channel: 'portal-self-serve', serviceIdentity: 'portal_self_serve' };
    // No session cookie (most public traffic): nothing to look up.
    let session = cookies[names.session] ? await this.sessions.resolve(cookies[names.session]) : null;
    // The session the browser proved it holds; a step-up grant it earned is bound to this id.
    const presentedSessionId = session?.sessionId ?? null;
    if (session?.dueForRotation) {
      const fresh = await runWithAuth({ ...anon, actor: session.email }, () => this.rotate.execute({ sessionId: session!.sessionId }));
      if (fresh) {
        this.ui.setSessionCookie(reply, fresh.token);
        session = { ...session, sessionId: fresh.sessionId, issuedAt: new Date(), dueForRotation: false };
      }
    }
    req.portal.session = session;
    req.bssAuth = session ? { ...anon, actor: session.email, customerId: session.customerId ?? undefined } : anon;

    const path = req.url.split('?')[0];
    const declared = this.reflector.getAllAndOverride<GateLevel>(GATE, targets) ?? 'linked';
    const level: GateLevel = declared === 'public' && !isPublicPath(path) ? 'session' : declared;
    if (level !== 'public') {
      const miss = (url: string): Error =>
        this.reflector.getAllAndOverride<string>(GATE_MISS, targets) === 'not_found' ? new NotFound('resource', path) : new GateRedirect(url);
      // A signed-out visitor at the front door meets the landing page, not a login form (#16.12).
      if (!session) throw miss(path === '/' ? '/welcome' : `/auth/login?next=${encodeURIComponent(this.nextFor(req))}`);
      if ((level === 'verified' || level === 'linked') && !session.emailVerified) throw miss(`/auth/login?next=${encodeURIComponent(this.nextFor(req))}`);
      // [improve] an unlinked identity lands on its (empty) dashboard, not back on the login page.
      if (level === 'linked' && !session.customerId) throw miss('/');
    }

    if (!SAFE_METHODS.has(req.method)) {
      if (!this.ui.csrf.verify(csrfBindingOf(req.portal), presentedCsrfToken(req))) throw new PortalRefusal('/', 'portal.csrf.invalid', 'Your form expired. Please go back and try again.', 403);
    }

    const confirmBack = this.reflector.get<((params: Record<string, string>) => string) | undefined>(CONFIRM, context.getHandler());
    if (confirmBack && formOf(req).confirm !== 'yes') {
      const back = confirmBack((req.params ?? {}) as Record<string, string>);
      req.portal.actionError = 'portal.confirm.required';
      throw new PortalRefusal(back, 'portal.confirm.required', 'Please confirm first.');
    }

    const label = this.reflector.get<StepUpLabel | undefined>(STEP_UP, context.getHandler());
    if (label && (await this.stepUpApplies(context, req))) await this.stepUpGate(req, reply, label, cookies, anon, presentedSessionId!);
    return true;
  }

  /** A `@StepUp(label, when)` route asks its condition; a plain `@StepUp(label)` always steps up. */
  private async stepUpApplies(context: ExecutionContext, req: PortalRequest): Promise<boolean> {
    const when = this.reflector.get<Type<StepUpCondition> | undefined>(STEP_UP_WHEN, context.getHandler());
    return !when || this.moduleRef.get(when, { strict: false }).applies(req);
  }

  private async stepUpGate(
    req: PortalRequest,
    reply: FastifyReply,
    label: StepUpLabel,
    cookies: Record<string, string>,
    anon: Partial<AuthContext>,
    presentedSessionId: string,
  ): Promise<void> {
    const session = req.portal.session!;
    req.portal.stepUpLabel = label;
    const form = formOf(req);
    const header = req.headers['x-bss-stepup-token'] ?? req.headers['x-bss-step-up-token'];
    const grant = (Array.isArray(header) ? header[0] : header) ?? form.step_up_token ?? cookies[this.ui.cookieNames.stepUp];
    const auth = { ...anon, actor: session.email, customerId: session.customerId ?? undefined };
    if (grant && /^[A-Za-z0-9_-]{32}$/.test(grant)) {
      const ok = await runWithAuth(auth, () => this.consumeGrant.execute({ sessionId: presentedSessionId, identityId: session.identityId, label, grant }));
      if (ok) {
        req.portal.stepUpConsumed = true;
        if (cookies[this.ui.cookieNames.stepUp]) this.ui.clearStepUpCookie(reply);
        return;
      }
    }
    const next = this.nextFor(req);
    if (req.method === 'POST') {
      try {
        await runWithAuth(auth, () => this.stash.execute({ sessionId: session.sessionId, label, targetUrl: req.url, payload: form }));
      } catch {
        // A lost stash only means the customer submits the form once more after the code.
      }
    }
    throw new GateRedirect(`/auth/step-up?action=${label}&next=${encodeURIComponent(next)}`);
  }

  /** Where to come back to: for a POST the same-origin page it was sent from, else the current path. */
  private nextFor(req: PortalRequest): string {
    return returnPathFor(req, safeNextPath, 'self');
  }
}
