import { InvalidInput } from '#platform/platform.errors';

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** Parses `30d`, `15m`, `90s`, `2h` (pattern `^\d+[smhd]$`) into seconds. */
export function parseDurationSeconds(text: string, field = 'duration'): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match) {
    throw new InvalidInput([{ field, messages: [`"${text}" is not a duration like 30d, 12h, 15m or 90s`] }]);
  }
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}
