import { ConfigInvalid } from '@bss/platform';

export const AUTONOMY_MODES = ['granular', 'batched'] as const;
export type Autonomy = (typeof AUTONOMY_MODES)[number];
export const AUTONOMY_ENV = 'BSS_AGENT_AUTONOMY';

/**
 * `BSS_AGENT_AUTONOMY`, trimmed and lower-cased: `granular` (an allowed turn runs only its first
 * destructive call) or `batched` (all of them). Unset → the surface's default (granular for the
 * cockpit surfaces); anything else refuses to start.
 */
export function autonomyFromEnv(env: NodeJS.ProcessEnv, whenUnset: Autonomy = 'granular'): Autonomy {
  const raw = env[AUTONOMY_ENV];
  if (raw === undefined || raw.trim() === '') return whenUnset;
  const mode = AUTONOMY_MODES.find((m) => m === raw.trim().toLowerCase());
  if (!mode) throw new ConfigInvalid(`${AUTONOMY_ENV} must be granular or batched, got "${raw}"`, { value: raw });
  return mode;
}
