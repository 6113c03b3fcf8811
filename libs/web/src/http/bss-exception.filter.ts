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
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code: ErrorCode = status === 404 ? ERROR_CODES.notFound : status === 401 ? ERROR_CODES.unauthorized : status === 403 ? ERROR_CODES.forbidden : status < 500 ? ERROR_CODES.invalidInput : ERROR_CODES.internal;
      return { status, body: { code, message: error.message, context: {} } };
    }
    this.logger?.error({ err: error, url: request?.url }, 'unhandled error');
    return { status: 500, body: { code: ERROR_CODES.internal, message: 'Internal error; it has been logged.', context: {} } };
  }
}
