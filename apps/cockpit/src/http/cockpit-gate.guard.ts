import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { OperatorSessionResolver, RotateSessionCommand, safeNextPath } from '@bss/identity';
import { runWithAuth, type AuthContext } from '@bss/policies';
import { formOf, GateRedirect, gatedHttp, parseCookieJar, presentedCsrfToken, returnPathFor } from '@bss/web';
import type { CockpitOperator, CockpitRequest } from './cockpit-request';
import { ADMIN_ONLY, BACK, COCKPIT_PUBLIC, COCKPIT_ROUTE, CockpitRefusal, CONFIRM, CONFIRM_REQUIRED, type BackUrl } from './cockpit-routes';
import { CockpitUi } from './cockpit-ui';

const SAFE_METHODS = new Set(['GET', 'HEAD']);
const CSRF_SECRET = /^[A-Za-z0-9_-]{32}$/;

/** Every write of the cockpit is stamped with this channel and service identity; the actor is the operator. */
export const COCKPIT_AUTH: Pick<AuthContext, 'channel' | 'serviceIdentity'> = { channel: 'portal-csr', serviceIdentity: 'operator_cockpit' };

/** The single operator of a trusted-perimeter install (`BSS_COCKPIT_AUTH=none`). */
export const TRUSTED_OPERATOR: CockpitOperator = { operatorId: 'operator', email: 'operator', name: 'Operator (trusted perimeter)', role: 'admin', sessionId: null };

/**
 * The cockpit's one gate, in front of every cockpit route: the signed-in operator (else a 303 to
 * the sign-in page, so no handler ever runs without one), CSRF on every POST, admin-only routes,
 * and the two-step confirm of destructive routes. The operator becomes the actor of the request's
 * auth context, so every audit row names them.
 */
@Injectable()
export class CockpitGateGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly ui: CockpitUi,
    private readonly sessions: OperatorSessionResolver,
    private readonly rotate: RotateSessionCommand,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = gatedHttp<CockpitRequest>(context, this.reflector, COCKPIT_ROUTE);
    if (!http) return true;
    const { req, reply } = http;
    const targets = [context.getHandler(), context.getClass()];
    const jar = parseCookieJar(req.headers.cookie);
    req.cockpit = { operator: null, csrfBinding: null, trustedPerimeter: this.ui.authMode === 'none' };
    if ([this.ui.sessionCookie, this.ui.csrfCookie].some((name) => jar.duplicates.has(name))) {
      throw new CockpitRefusal('/', 'Two cookies of the same name were sent; clear this site’s cookies and sign in again.', 400);
    }

    if (this.ui.authMode === 'none') {
      req.cockpit.operator = TRUSTED_OPERATOR;
    } else {
      const session = await this.sessions.resolve(jar.values[this.ui.sessionCookie]);
      if (session) {
        let sessionId = session.sessionId;
        if (session.dueForRotation) {
          const fresh = await runWithAuth({ ...COCKPIT_AUTH, actor: session.email }, () => this.rotate.execute({ sessionId: session.sessionId }));
          if (fresh) {
            this.ui.setSessionCookie(reply, fresh.token);
            sessionId = fresh.sessionId;
          }
        }
        req.cockpit.operator = { operatorId: session.operatorId, email: session.email, name: session.name, role: session.role, sessionId };
        req.cockpit.csrfBinding = { kind: 'session', secret: session.csrfSecret };
      }
    }
    if (!req.cockpit.csrfBinding) {
      const secret = jar.values[this.ui.csrfCookie];
      if (secret && CSRF_SECRET.test(secret)) req.cockpit.csrfBinding = { kind: 'anonymous', secret };
    }
    const operator = req.cockpit.operator;
    req.bssAuth = { ...COCKPIT_AUTH, actor: operator?.email ?? 'cockpit-anon' };

    const isPublic = this.reflector.getAllAndOverride<boolean>(COCKPIT_PUBLIC, targets) ?? false;
    if (!isPublic && !operator) throw new GateRedirect(`/auth/login?next=${encodeURIComponent(returnPathFor(req, safeNextPath, '/'))}`);

    const back = this.reflector.get<BackUrl | undefined>(BACK, context.getHandler());
    const backUrl = back ? back((req.params ?? {}) as Record<string, string>) : '/';
    if (back) req.cockpit.backUrl = backUrl;
    if (!SAFE_METHODS.has(req.method)) {
      const form = formOf(req);
      if (!req.cockpit.csrfBinding || !this.ui.csrf.verify(req.cockpit.csrfBinding, presentedCsrfToken(req))) {
        throw new CockpitRefusal(backUrl, 'Your form expired (CSRF check failed). Reload the page and try again.', 403);
      }
      if (this.reflector.get<boolean>(ADMIN_ONLY, context.getHandler()) && operator?.role !== 'admin') {
        throw new CockpitRefusal(backUrl, 'cockpit.admin_only: only an admin operator may change catalog prices and windows.');
      }
      if (this.reflector.get<boolean>(CONFIRM, context.getHandler()) && form.confirm !== 'yes') {
        throw new CockpitRefusal(backUrl, CONFIRM_REQUIRED);
      }
    }
    return true;
  }
}
