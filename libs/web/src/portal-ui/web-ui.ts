import type { FastifyReply, FastifyRequest } from 'fastify';
import { appendSetCookie, serializeCookie } from './cookies';
import { PortalResponder, type PageView } from './page-or-fragment';
import { ViewRenderer, type ViewLocals } from './view-renderer';

/** The server-side session's cookie: its name (`__Host-…` when secure), lifetime and Secure flag. */
export interface SessionCookieSettings {
  name: string;
  ttlSeconds: number;
  secure: boolean;
}

/**
 * Rendering, redirects and the session cookie, the same way in every browser app (the portal and
 * the cockpit). An app's UI service extends it with what differs: the per-request locals its
 * templates need and where its CSRF token is bound.
 */
export abstract class WebUi<R extends FastifyRequest> {
  private readonly responder: PortalResponder;

  protected constructor(
    viewsDir: string,
    readonly sessionCookieSettings: SessionCookieSettings,
  ) {
    this.responder = new PortalResponder(
      new ViewRenderer(viewsDir),
      (req) => this.baseLocals(req as R),
      (req, reply) => this.csrfToken(req as R, reply),
    );
  }

  /** The request's CSRF token, minted on first use; called only for HTML that carries one. */
  abstract csrfToken(req: R, reply: FastifyReply): string;

  /** What every template of the app reads (assets, viewer, flash, formatters). */
  protected abstract baseLocals(req: R): ViewLocals;

  view(req: R, reply: FastifyReply, view: PageView, locals: ViewLocals = {}, status = 200): FastifyReply {
    return this.responder.view(req, reply, view, locals, status);
  }

  page(req: R, reply: FastifyReply, page: string, locals: ViewLocals = {}, status = 200): FastifyReply {
    return this.responder.page(req, reply, page, locals, status);
  }

  redirect(req: R, reply: FastifyReply, url: string): FastifyReply {
    return this.responder.redirect(req, reply, url);
  }

  setSessionCookie(reply: FastifyReply, token: string): void {
    appendSetCookie(reply, serializeCookie(this.sessionCookieSettings.name, token, { maxAgeSeconds: this.sessionCookieSettings.ttlSeconds, secure: this.sessionCookieSettings.secure }));
  }

  clearSessionCookie(reply: FastifyReply): void {
    appendSetCookie(reply, serializeCookie(this.sessionCookieSettings.name, '', { clear: true, secure: this.sessionCookieSettings.secure }));
  }
}
