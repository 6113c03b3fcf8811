import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ERROR_CODES, InvalidInput, isBssError, LOGGER, PolicyViolation, type Logger } from '@bss/platform';
import { GateRedirect, httpStatusFor } from '@bss/web';
import type { PortalRequest } from './portal-request';
import { PortalRefusal } from './portal-redirect';
import { PortalUi, withParam } from './portal-ui';
import { copyForRule, GENERIC_APOLOGY, RULE_COPY } from './rule-copy';

/**
 * Errors as customers should see them. Gates redirect; a refused write goes back to its form
 * with fixed copy (`?err=<rule>`); NotFound — unknown OR someone else's id — is the same bare
 * 404 page; anything unexpected is logged and answered with a generic apology.
 */
@Catch()
export class PortalExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly ui: PortalUi,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<PortalRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    if (req.url.startsWith('/api/')) {
      this.json(req, reply, error);
      return;
    }
    if (error instanceof GateRedirect) {
      this.ui.redirect(req, reply, error.url);
      return;
    }
    if (req.portal) req.portal.actionError ??= ruleOf(error);
    if (error instanceof PortalRefusal) {
      if (error.status === 303) this.ui.redirect(req, reply, withParam(error.backUrl, 'err', error.rule));
      else this.ui.page(req, reply, 'errors/error', { title: 'Not possible', message: error.copy }, error.status);
      return;
    }
    const isWrite = req.method !== 'GET' && req.method !== 'HEAD';
    if (isBssError(error)) {
      if (error.code === ERROR_CODES.notFound) {
        this.ui.page(req, reply, 'errors/error', { title: 'Not found', message: RULE_COPY['ownership.not_owned'] }, 404);
        return;
      }
      if (error instanceof PolicyViolation || error instanceof InvalidInput) {
        const rule = error instanceof PolicyViolation ? error.rule : undefined;
        const { copy, known } = copyForRule(rule);
        if (!known && rule) this.logger.warn({ rule, url: req.url }, 'portal: no customer copy for rule');
        const message = error instanceof InvalidInput ? fieldMessage(error) : copy;
        const back = isWrite ? backPath(req) : null;
        if (back && rule) {
          this.ui.redirect(req, reply, withParam(back, 'err', rule));
          return;
        }
        this.ui.page(req, reply, 'errors/error', { title: 'Please check', message, back }, httpStatusFor(error.code));
        return;
      }
      this.logger.error({ err: error, url: req.url }, 'portal: domain error');
      this.ui.page(req, reply, 'errors/error', { title: 'Sorry', message: GENERIC_APOLOGY }, httpStatusFor(error.code));
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      this.ui.page(req, reply, 'errors/error', { title: status === 404 ? 'Not found' : 'Sorry', message: status === 404 ? RULE_COPY['ownership.not_owned'] : GENERIC_APOLOGY }, status);
      return;
    }
    this.logger.error({ err: error, url: req.url }, 'portal: unhandled error');
    this.ui.page(req, reply, 'errors/error', { title: 'Sorry', message: GENERIC_APOLOGY }, 500);
  }

  /** JSON endpoints: unknown, foreign and ungated all read `NOT_FOUND` alone — no id, no hint. */
  private json(req: PortalRequest, reply: FastifyReply, error: unknown): void {
    const status = isBssError(error) ? httpStatusFor(error.code) : error instanceof HttpException ? error.getStatus() : 500;
    if (status >= 500) this.logger.error({ err: error, url: req.url }, 'portal: api error');
    const body = status === 404 ? { code: ERROR_CODES.notFound, message: 'Not found' } : { code: isBssError(error) ? error.code : 'INTERNAL_ERROR', message: GENERIC_APOLOGY };
    void reply.status(status).header('cache-control', 'no-store').send(body);
  }
}

function ruleOf(error: unknown): string {
  if (error instanceof PolicyViolation) return error.rule;
  if (error instanceof PortalRefusal) return error.rule;
  if (isBssError(error)) return error.code;
  return 'INTERNAL_ERROR';
}

function fieldMessage(error: InvalidInput): string {
  return `Please check: ${error.fields.map((f) => humanField(f.field)).join(', ')}.`;
}

function humanField(field: string): string {
  return field.replace(/([A-Z])/g, ' $1').replace(/_/g, ' ').toLowerCase();
}

/** The same-origin page the form was on (Referer), for a 303 back with the refusal's copy. */
export function backPath(req: PortalRequest): string | null {
  const referer = req.headers.referer;
  if (!referer) return null;
  try {
    const url = new URL(referer);
    if (url.host !== req.headers.host) return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}
