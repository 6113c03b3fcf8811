import { ConfigInvalid } from '@bss/platform';

export const CONVERSATION_IDLE_ENV = 'BSS_CHAT_CONVERSATION_IDLE_MINUTES';
export const DEFAULT_CONVERSATION_IDLE_MINUTES = 60;
/** A week: beyond that a "conversation" is a different visit, and the model's history would be stale. */
export const MAX_CONVERSATION_IDLE_MINUTES = 7 * 24 * 60;

/**
 * How long a conversation may sit idle before the next message starts a fresh one (spec §3.4:
 * 60 minutes). Read from the environment; every chat process calls it at boot, so a bad value
 * refuses to start with this message instead of failing the first customer who writes.
 */
export function conversationIdleMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[CONVERSATION_IDLE_ENV];
  if (raw === undefined || raw === '') return DEFAULT_CONVERSATION_IDLE_MINUTES;
  const minutes = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!(minutes >= 1 && minutes <= MAX_CONVERSATION_IDLE_MINUTES)) {
    throw new ConfigInvalid(
      `${CONVERSATION_IDLE_ENV} must be a whole number of minutes from 1 to ${MAX_CONVERSATION_IDLE_MINUTES} (default ${DEFAULT_CONVERSATION_IDLE_MINUTES}), got "${raw}"`,
      { name: CONVERSATION_IDLE_ENV, value: raw },
    );
  }
  return minutes;
}

/** Conversations last active before this moment have expired: the widget no longer shows them, the next message starts fresh. */
export function idleCutoff(now: Date, idleMinutes: number): Date {
  return new Date(now.getTime() - idleMinutes * 60_000);
}
