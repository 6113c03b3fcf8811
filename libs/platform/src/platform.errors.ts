/**
 * The one error family every layer throws. Libraries never know HTTP status codes:
 * each app maps `code` to its own surface (HTTP status, CLI exit code, tool observation).
 */
export type ErrorContext = Record<string, unknown>;

export const ERROR_CODES = {
  policyViolation: 'POLICY_VIOLATION',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  invalidInput: 'INVALID_INPUT',
  upstreamFailed: 'UPSTREAM_FAILED',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  configInvalid: 'CONFIG_INVALID',
  internal: 'INTERNAL_ERROR',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** The single wire shape for HTTP JSON, `--json` and agent tool observations. */
export interface ErrorWire {
  code: ErrorCode;
  rule?: string;
  message: string;
  context: ErrorContext;
}

export class BssError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly context: ErrorContext = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  toWire(): ErrorWire {
    return { code: this.code, message: this.message, context: this.context };
  }
}

/** A domain rule said no. `rule` is `<aggregate>.<verb>.<rule>`, e.g. `case.close.requires_all_tickets_resolved`. */
export class PolicyViolation extends BssError {
  constructor(
    readonly rule: string,
    message: string,
    context: ErrorContext = {},
  ) {
    super(ERROR_CODES.policyViolation, message, context);
  }

  override toWire(): ErrorWire {
    return { code: this.code, rule: this.rule, message: this.message, context: this.context };
  }
}

export class NotFound extends BssError {
  constructor(entity: string, id: string, context: ErrorContext = {}) {
    super(ERROR_CODES.notFound, `${entity} ${id} not found`, { entity, id, ...context });
  }
}

export class Conflict extends BssError {
  constructor(message: string, context: ErrorContext = {}) {
    super(ERROR_CODES.conflict, message, context);
  }
}

export interface FieldError {
  field: string;
  messages: string[];
}

/** Malformed input: names every offending field so a person can fix it. */
export class InvalidInput extends BssError {
  constructor(
    readonly fields: FieldError[],
    message = `Invalid input: ${fields.map((f) => `${f.field} (${f.messages.join('; ')})`).join(', ')}`,
  ) {
    super(ERROR_CODES.invalidInput, message, { fields });
  }
}

export class UpstreamFailed extends BssError {
  constructor(provider: string, message: string, context: ErrorContext = {}) {
    super(ERROR_CODES.upstreamFailed, message, { provider, ...context });
  }
}

export class Unauthorized extends BssError {
  constructor(message: string, context: ErrorContext = {}) {
    super(ERROR_CODES.unauthorized, message, context);
  }
}

export class Forbidden extends BssError {
  constructor(message: string, context: ErrorContext = {}) {
    super(ERROR_CODES.forbidden, message, context);
  }
}

/** A process must not boot with this configuration; the message says how to fix it. */
export class ConfigInvalid extends BssError {
  constructor(message: string, context: ErrorContext = {}) {
    super(ERROR_CODES.configInvalid, message, context);
  }
}

export function isBssError(error: unknown): error is BssError {
  return error instanceof BssError;
}
