import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ERROR_CODES, InvalidInput, isBssError, LOGGER, PolicyViolation, type Logger } from '@bss/platform';
import { GateRedirect, httpStatusFor } from '@bss/web';
import type { CockpitRequest } from './cockpit-request';
import { CockpitRefusal } from './cockpit-routes';
import { CockpitUi, withFlash } from './cockpit-ui';

/** `rule: message`, exactly as the service said it (§1: the cockpit flashes the detail verbatim). */
export function flashTextOf(error: unknown): string {
  if (error instanceof PolicyViolation) return `${error.rule}: ${error.message}`;
  if (error instanceof InvalidInput) return `${error.code}: ${error.fields.map((f) => `${f.field} ${f.messages.join(', ')}`).join('; ')}`;
  if (isBssError(error)) return `${error.code}: ${error.message}`;
  return 'Something went wrong; the error is logged.';
}

/**
 * Errors as operators should see them. A refused write goes back to its form with the rule and the
 * message verbatim; a read of an unknown id is a 404 page; anything unexpected is logged.
 */
@Catch()
export class CockpitExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly ui: CockpitUi,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<CockpitRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    if (error instanceof GateRedirect) {
      this.ui.redirect(req, reply, error.url);
      return;
    }
    if (error instanceof CockpitRefusal) {
      if (error.status === 303) this.ui.redirect(req, reply, withFlash(error.backUrl, 'err', error.text));
      else this.ui.page(req, reply, 'errors/error', { title: 'Refused', message: error.text }, error.status);
      return;
    }
    const isWrite = req.method !== 'GET' && req.method !== 'HEAD';
    if (isBssError(error)) {
      if (isWrite) {
        this.ui.redirect(req, reply, withFlash(this.backOf(req), 'err', flashTextOf(error)));
        return;
      }
      const status = httpStatusFor(error.code);
      if (status >= 500) this.logger.error({ err: error, url: req.url }, 'cockpit: domain error');
      this.ui.page(req, reply, 'errors/error', { title: error.code === ERROR_CODES.notFound ? 'Not found' : 'Not possible', message: flashTextOf(error) }, status);
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      this.ui.page(req, reply, 'errors/error', { title: status === 404 ? 'Not found' : 'Refused', message: error.message }, status);
      return;
    }
    this.logger.error({ err: error, url: req.url }, 'cockpit: unhandled error');
    this.ui.page(req, reply, 'errors/error', { title: 'Sorry', message: flashTextOf(error) }, 500);
  }

  /** The page the form was on: the route's declared back, else the same-origin Referer, else home. */
  private backOf(req: CockpitRequest): string {
    if (req.cockpit?.backUrl) return req.cockpit.backUrl;
    const referer = req.headers.referer;
    if (referer) {
      try {
        const url = new URL(referer);
        if (url.host === req.headers.host) return `${url.pathname}${url.search}`;
      } catch {
        // fall through
      }
    }
    return '/';
  }
}
