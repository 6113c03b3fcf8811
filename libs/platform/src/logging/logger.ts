import pino, { type Logger } from 'pino';
import { envString } from '#platform/config/env';

export type { Logger };

/** JSON logs to stdout; `BSS_LOG_LEVEL` (default info) tunes verbosity. */
export function createLogger(name: string, options: { stderr?: boolean } = {}): Logger {
  const level = envString('BSS_LOG_LEVEL', process.env.JEST_WORKER_ID ? 'silent' : options.stderr ? 'warn' : 'info');
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['*.password', '*.token', '*.pan', '*.cardNumber', 'req.headers["x-bss-api-token"]', 'req.headers.cookie'], remove: true },
    // process.stderr, not fd 2: the CLI's warm executor relays a call's stderr, log lines included.
  }, options.stderr ? process.stderr : undefined);
}
