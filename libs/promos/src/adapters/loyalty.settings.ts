import { ConfigInvalid, envInt, envString, type Logger } from '@bss/platform';
import { LOYALTY_MODES, type LoyaltyMode } from '#promos/domain/loyalty.types';

export const DEFAULT_LOYALTY_BASE_URL = 'http://loyalty-http:8080';
export const DEFAULT_LOYALTY_TIMEOUT_MS = 5000;

/** `BSS_LOYALTY_*`, read once when the module boots. */
export class LoyaltySettings {
  constructor(
    readonly mode: LoyaltyMode,
    readonly baseUrl = DEFAULT_LOYALTY_BASE_URL,
    readonly apiToken: string | null = null,
    readonly timeoutMs = DEFAULT_LOYALTY_TIMEOUT_MS,
  ) {}

  get enabled(): boolean {
    return this.mode !== 'off';
  }

  /**
   * `BSS_LOYALTY_MODE=off|embedded|remote` (default embedded). Remote without a token degrades
   * to off (spec §6.11): the system boots and sells at full price, and says so once in the log.
   */
  static fromEnv(logger?: Pick<Logger, 'warn' | 'info'>): LoyaltySettings {
    const raw = envString('BSS_LOYALTY_MODE', 'embedded');
    if (!(LOYALTY_MODES as readonly string[]).includes(raw)) {
      throw new ConfigInvalid(`BSS_LOYALTY_MODE must be one of ${LOYALTY_MODES.join(', ')}, got "${raw}"`, { name: 'BSS_LOYALTY_MODE' });
    }
    const mode = raw as LoyaltyMode;
    const timeoutMs = envInt('BSS_LOYALTY_TIMEOUT_MS', DEFAULT_LOYALTY_TIMEOUT_MS);
    if (mode !== 'remote') return new LoyaltySettings(mode, DEFAULT_LOYALTY_BASE_URL, null, timeoutMs);
    const token = envString('BSS_LOYALTY_API_TOKEN');
    const baseUrl = envString('BSS_LOYALTY_BASE_URL', DEFAULT_LOYALTY_BASE_URL).replace(/\/+$/, '');
    if (!token) {
      logger?.warn({ event: 'promos.loyalty.disabled' }, 'BSS_LOYALTY_MODE=remote without BSS_LOYALTY_API_TOKEN: promotions are off');
      return new LoyaltySettings('off', baseUrl, null, timeoutMs);
    }
    return new LoyaltySettings('remote', baseUrl, token, timeoutMs);
  }
}
