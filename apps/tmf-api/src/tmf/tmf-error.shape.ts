import type { FastifyInstance } from 'fastify';
import { ERROR_CODES, type ErrorCode } from '@bss/platform';
import { httpStatusFor } from '@bss/web';

/**
 * How every error of the six APIs is shaped, said once in each OpenAPI document (`x-bss-error-shape`).
 * The issue (#17) wins where it and an official document disagree: TMF620/622/641/677 type `code`
 * (and TMF677 `status`) as integers, but a partner needs the rule id of a refusal, and one shape
 * across the six APIs is easier to handle than four numeric and two textual ones.
 */
export const TMF_ERROR_SHAPE_NOTE =
  'Errors of all six APIs share one shape: {"@type":"Error", code, reason, message, status, referenceError?}. ' +
  '`code` is a string: the rule id of a policy refusal (422, e.g. "catalog.offering.already_exists") or our error code ' +
  '(INVALID_INPUT 400, UNAUTHORIZED 401, FORBIDDEN 403, NOT_FOUND 404, CONFLICT 409, tmf.method_not_allowed 405, tmf.not_implemented 501). ' +
  '`status` is the HTTP status as a string, `reason` its phrase. TMF620/622/641/677 type code (TMF677 also status) as integer; we follow issue #17 instead.';

/** The TMF630 error body: `code` is our error code, or the rule id of a policy refusal. */
export interface TmfError {
  '@type': 'Error';
  code: string;
  reason: string;
  message: string;
  status: string;
  referenceError?: string;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/** TMF status table: our one table, except that a malformed request is 400 here (TMF630), where our own JSON API says 422. */
export function tmfStatusFor(code: ErrorCode): number {
  return code === ERROR_CODES.invalidInput ? 400 : httpStatusFor(code);
}

export function tmfError(status: number, code: string, message: string, referenceError?: string): TmfError {
  return { '@type': 'Error', code, reason: REASONS[status] ?? 'Error', message, status: String(status), ...(referenceError ? { referenceError } : {}) };
}

/** The shared filter's wire body (`{code, rule?, message, context}`) as a TMF error with the TMF status. */
export function toTmfError(wire: { code: ErrorCode; rule?: string; message: string }, httpStatus: number): { status: number; body: TmfError } {
  // Errors Nest raised itself (unknown route, unparsable body) keep their HTTP status.
  const status = wire.code === ERROR_CODES.invalidInput && httpStatus !== 422 ? httpStatus : tmfStatusFor(wire.code);
  return { status, body: tmfError(status, wire.rule ?? wire.code, wire.message) };
}

function isErrorWire(payload: unknown): payload is { code: ErrorCode; rule?: string; message: string } {
  if (payload === null || typeof payload !== 'object') return false;
  const p = payload as Record<string, unknown>;
  return typeof p.code === 'string' && typeof p.message === 'string' && 'context' in p && !('reason' in p);
}

/**
 * Every error under /tmf-api leaves in the TMF shape, whoever raised it: the perimeter guard, a
 * route, Fastify's body parser or the router. The shared filter answers first (it is global and
 * renders our one wire shape); this hook rewrites that body and status before serialization.
 */
export function registerTmfErrorShape(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', async (request, reply, payload) => {
    if (reply.statusCode < 400 || !request.url.startsWith('/tmf-api/') || !isErrorWire(payload)) return payload;
    const { status, body } = toTmfError(payload, reply.statusCode);
    void reply.status(status);
    return body;
  });
}
