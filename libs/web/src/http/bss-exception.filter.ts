import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, isBssError, type ErrorCode, type ErrorWire } from '@bss/platform';
import type { Logger } from 'pino';

/** The one code → HTTP status table. Exhaustive: a new code fails to compile until mapped. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case ERROR_CODES.invalidInput:
      return 422;
    case ERROR_CODES.policyViolation:
      return 422;
    case ERROR_CODES.notFound:
      return 404;
    case ERROR_CODES.conflict:
      return 409;
    case ERROR_CODES.unauthorized:
      return 401;
    case ERROR_CODES.forbidden:
      return 403;
    case ERROR_CODES.upstreamFailed:
      return 502;
    case ERROR_CODES.configInvalid:
    case ERROR_CODES.internal:
      return 500;
    default:
      return assertUnreachable(code);
  }
}

function assertUnreachable(code: never): never {
  throw new Error(`Unmapped error code ${String(code)}`);
}

/**
 * The status of a request Fastify (or one of our hooks) refused before any route ran: a body over
 * the limit (FST_ERR_CTP_BODY_TOO_LARGE → 413), an unsupported content type (415), malformed JSON
 * (400)… These are the client's mistakes, never a 500. Other errors: null.
 */
export function requestRefusalStatus(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null;
  const fromFastify = typeof code === 'string' && code.startsWith('FST_');
  return fromFastify || statusCode === 413 ? statusCode : null;
}

/**
 * Maps every thrown error to the one wire shape `{code, rule?, message, context}`. Domain errors
 * keep their message verbatim; anything unexpected is logged and answered with a generic 500 that
 * leaks nothing. Page routes can render HTML themselves by catching before this filter.
 */
@Catch()
export class BssExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger?: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const { status, body } = this.toResponse(error, request);
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  toResponse(error: unknown, request?: FastifyRequest): { status: number; body: ErrorWire } {
    if (isBssError(error)) return { status: httpStatusFor(error.code), body: error.toWire() };
    const refused = requestRefusalStatus(error);
    if (refused !== null) {
      const reason = (error as { code?: string }).code ?? (refused === 413 ? 'FST_ERR_CTP_BODY_TOO_LARGE' : 'request_refused');
      return { status: refused, body: { code: ERROR_CODES.invalidInput, message: (error as Error).message, context: { reason } } };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code: ErrorCode = status === 404 ? ERROR_CODES.notFound : status === 401 ? ERROR_CODES.unauthorized : status === 403 ? ERROR_CODES.forbidden : status < 500 ? ERROR_CODES.invalidInput : ERROR_CODES.internal;
      return { status, body: { code, message: error.message, context: {} } };
    }
    this.logger?.error({ err: error, url: request?.url }, 'unhandled error');
    return { status: 500, body: { code: ERROR_CODES.internal, message: 'Internal error; it has been logged.', context: {} } };
  }
}
