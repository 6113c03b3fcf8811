/** `tok_…9f2c` / `tok_DECLINE_…9f2c`: enough to correlate with the provider, not enough to charge. */
export function redactToken(token: string): string {
  const marker = /^(tok_(?:FAIL_|DECLINE_)?|pm_)/.exec(token)?.[1] ?? '';
  return `${marker}…${token.slice(-4)}`;
}
