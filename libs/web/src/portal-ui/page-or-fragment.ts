import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_TOKEN_SLOT } from './csrf';
import { ViewRenderer, type ViewLocals } from './view-renderer';

/** One answer for a full load and an HTMX swap: a page includes its `_fragment`, a swap gets the fragment alone. */
export interface PageView {
  page: string;
  /** Omit for pages that are never swapped. */
  fragment?: string;
}

type HeaderBag = Pick<FastifyRequest, 'headers'>;

/**
 * THE page-vs-fragment decision: an HTMX request (`HX-Request: true`, not a boosted
 * navigation) gets the fragment; everything else gets the page.
 */
export function wantsFragment(request: HeaderBag): boolean {
  return request.headers['hx-request'] === 'true' && request.headers['hx-boosted'] !== 'true';
}

/** Renders views and redirects the same way for pages and fragments. */
export class PortalResponder {
  constructor(
    private readonly renderer: ViewRenderer,
    /** Per-request locals every template needs (assets, viewer, flash); `csrfToken` is added here. */
    private readonly baseLocals: (request: FastifyRequest) => ViewLocals,
    /** The request's CSRF token, minted (secret + cookie) on first use; called only for HTML that carries one. */
    private readonly csrfToken: (request: FastifyRequest, reply: FastifyReply) => string,
  ) {}

  /** Renders the fragment for HTMX requests, else the page; `status` defaults to 200. */
  view(request: FastifyRequest, reply: FastifyReply, view: PageView, locals: ViewLocals = {}, status = 200): FastifyReply {
    const name = view.fragment && wantsFragment(request) ? view.fragment : view.page;
    return this.html(reply, this.render(request, reply, name, locals), status);
  }

  /** A page regardless of HX-Request (error pages, the step-up replay form). */
  page(request: FastifyRequest, reply: FastifyReply, page: string, locals: ViewLocals = {}, status = 200): FastifyReply {
    return this.html(reply, this.render(request, reply, page, locals), status);
  }

  /** Post/Redirect/Get: 303 for browsers; for HTMX an `HX-Redirect` so the whole page navigates. */
  redirect(request: FastifyRequest, reply: FastifyReply, url: string): FastifyReply {
    if (wantsFragment(request)) return reply.status(200).header('hx-redirect', url).header('cache-control', 'no-store').send('');
    return reply.status(303).header('location', url).header('cache-control', 'no-store').send('');
  }

  render(request: FastifyRequest, reply: FastifyReply, view: string, locals: ViewLocals = {}): string {
    const html = this.renderer.render(view, { ...this.baseLocals(request), csrfToken: CSRF_TOKEN_SLOT, ...locals });
    return html.includes(CSRF_TOKEN_SLOT) ? html.replaceAll(CSRF_TOKEN_SLOT, this.csrfToken(request, reply)) : html;
  }

  private html(reply: FastifyReply, body: string, status: number): FastifyReply {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // Encoded once, here: a string payload is measured (Buffer.byteLength) and encoded again on write,
    // and a page's HTML is the request's largest allocation.
    return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('vary', 'HX-Request, Cookie').send(Buffer.from(body, 'utf8'));
  }
}
