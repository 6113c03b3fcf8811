import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiOperation, ApiResponse } from '@nestjs/swagger';

/** The TMF630 error body every TMF route answers with on failure (see tmf-error.shape.ts). */
const TMF_ERROR_SCHEMA = {
  type: 'object',
  required: ['code', 'reason', 'message', 'status'],
  properties: {
    '@type': { type: 'string' },
    code: { type: 'string' },
    reason: { type: 'string' },
    message: { type: 'string' },
    status: { type: 'string' },
    referenceError: { type: 'string' },
  },
} as const;

/**
 * Marks a route as the implementation of an official operation (its `operationId` in the official
 * document). The OpenAPI document takes the route's path, method and path parameters from the
 * code, and that operation's query parameters, bodies and responses from the official contract.
 */
export const TmfOperation = (operationId: string): MethodDecorator => ApiOperation({ operationId });

/** A route that answers an official operation with a TMF error (501 or 405), documented as such, with why. */
export const TmfNotServed = (operationId: string, status: 501 | 405, reason: string): MethodDecorator =>
  applyDecorators(
    ApiOperation({ operationId, summary: `Not served: ${reason}` }),
    ApiExtension('x-bss-not-served', reason),
    ApiResponse({ status, description: reason, schema: TMF_ERROR_SCHEMA as never }),
  );
