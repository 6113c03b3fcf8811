import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_FIELD, CSRF_HEADER } from './csrf';
import { formOf } from './form';

/**
 * Thrown by a browser app's gate or handler to send the visitor elsewhere (sign-in, step-up, the
 * page a write came from); the app's exception filter answers it with a 303 (or HX-Redirect).
 */
export class GateRedirect extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

/**
 * The request and reply a browser app's gate guard works on, or null when the route is not one of
 * the app's own (health, assets, another module's controller): those pass untouched.
 */
export function gatedHttp<R extends FastifyRequest>(context: ExecutionContext, reflector: Reflector, appRouteMarker: string): { req: R; reply: FastifyReply } | null {
  if (!reflector.getAllAndOverride<boolean>(appRouteMarker, [context.getHandler(), context.getClass()])) return null;
  const http = context.switchToHttp();
  return { req: http.getRequest<R>(), reply: http.getResponse<FastifyReply>() };
}

/** The CSRF token a write presents: the HTMX header, else the form's hidden field. */
export function presentedCsrfToken(req: FastifyRequest & { body?: unknown }): string | undefined {
  const header = req.headers[CSRF_HEADER];
  return (Array.isArray(header) ? header[0] : header) ?? formOf(req)[CSRF_FIELD];
}

/**
 * Where a visitor sent to sign in comes back to: for a read the URL itself; for a write the
 * same-origin page it was sent from (its Referer), else `writeFallback` (`self`: the write's own
 * URL). `safeNextPath` is the identity lib's open-redirect guard.
 */
export function returnPathFor(req: FastifyRequest, safeNextPath: (raw: unknown) => string, writeFallback: 'self' | '/'): string {
  if (req.method === 'GET') return safeNextPath(req.url);
  const referer = req.headers.referer;
  if (referer) {
    try {
      const url = new URL(referer);
      if (url.host === req.headers.host) return safeNextPath(`${url.pathname}${url.search}`);
    } catch {
      // not a URL: fall back
    }
  }
  return writeFallback === 'self' ? safeNextPath(req.url) : '/';
}
