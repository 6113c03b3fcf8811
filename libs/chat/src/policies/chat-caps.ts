import { CHAT_RULES } from '#chat/chat.errors';

export interface ChatCapLimits {
  perOwnerPerHour: number;
  perIpPerHour: number;
  monthlyCostCents: number;
}

export interface ChatCapCounts {
  /** Requests by this owner in the last hour, and the oldest of them. */
  ownerLastHour: number;
  ownerOldest: Date | null;
  /** Anonymous requests from this IP in the last hour (visitors only), and the oldest. */
  ipLastHour: number;
  ipOldest: Date | null;
  monthCostCents: number;
}

export type CapVerdict = { ok: true } | { ok: false; rule: string; retryAt: Date };

const HOUR_MS = 3_600_000;

/** Caps in order: the owner's hourly rate, the visitor IP's hourly rate, the owner's monthly cost. */
export function capVerdict(counts: ChatCapCounts, limits: ChatCapLimits, now: Date, isVisitor: boolean): CapVerdict {
  if (counts.ownerLastHour >= limits.perOwnerPerHour) {
    return { ok: false, rule: CHAT_RULES.hourlyRateCap, retryAt: new Date((counts.ownerOldest ?? now).getTime() + HOUR_MS) };
  }
  if (isVisitor && counts.ipLastHour >= limits.perIpPerHour) {
    return { ok: false, rule: CHAT_RULES.ipRateCap, retryAt: new Date((counts.ipOldest ?? now).getTime() + HOUR_MS) };
  }
  if (counts.monthCostCents >= limits.monthlyCostCents) {
    return { ok: false, rule: CHAT_RULES.monthlyCostCap, retryAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)) };
  }
  return { ok: true };
}

/** `period_yyyymm` of an instant (UTC). */
export function periodOf(at: Date): number {
  return at.getUTCFullYear() * 100 + at.getUTCMonth() + 1;
}

/** USD per million tokens (input, output), spec §5; unknown models pay the fallback. */
const RATES: Record<string, [number, number]> = {
  'google/gemma-4-26b-a4b-it': [0.15, 0.5],
  'deepseek/deepseek-v4-pro': [1.0, 4.0],
};
const FALLBACK_RATE: [number, number] = [2.0, 8.0];

/** Cost of one turn in US cents, rounded up; the offline and fixture models cost nothing. */
export function turnCostCents(provider: string, model: string, promptTokens: number, completionTokens: number): number {
  if (provider === 'offline' || provider === 'fixture') return 0;
  const [input, output] = RATES[model] ?? FALLBACK_RATE;
  const usd = (promptTokens / 1e6) * input + (completionTokens / 1e6) * output;
  return Math.max(0, Math.trunc(usd * 100 + 0.999));
}
