import { userInfo } from 'node:os';
import type { AgentCaller } from '@bss/agent';

/** Terminal cockpit's channel and service identity on every audit row it causes (literal). */
export const REPL_CHANNEL = 'cli-repl';
export const REPL_SERVICE_IDENTITY = 'operator_cockpit';

/**
 * The operator at this terminal: `BSS_OPERATOR`, else the OS user — never a constant, so the audit
 * log says which person confirmed a termination.
 */
export function operatorActor(env: NodeJS.ProcessEnv = process.env): string {
  const named = env.BSS_OPERATOR?.trim();
  if (named) return named;
  try {
    return userInfo().username || env.USER || env.LOGNAME || 'unknown-operator';
  } catch {
    return env.USER || env.LOGNAME || 'unknown-operator';
  }
}

export function operatorCaller(env: NodeJS.ProcessEnv = process.env): AgentCaller {
  return { actor: operatorActor(env), channel: REPL_CHANNEL, serviceIdentity: REPL_SERVICE_IDENTITY };
}
