import { Injectable } from '@nestjs/common';
import { envInt, PolicyViolation, type Tx } from '@bss/platform';
import { CHAT_RULES } from '#chat/chat.errors';
import { capVerdict, periodOf, type ChatCapLimits } from '#chat/policies/chat-caps';

export const CAP_ENV = {
  perOwnerPerHour: 'BSS_CHAT_RATE_PER_CUSTOMER_PER_HOUR',
  monthlyCostCents: 'BSS_CHAT_COST_CAP_PER_CUSTOMER_PER_MONTH_CENTS',
  perIpPerHour: 'BSS_CHAT_RATE_PER_IP_PER_HOUR',
} as const;

/** Read per check, so an operator's change (and a test's) takes effect without a restart. */
export function capLimitsFromEnv(): ChatCapLimits {
  return {
    perOwnerPerHour: envInt(CAP_ENV.perOwnerPerHour, 20),
    monthlyCostCents: envInt(CAP_ENV.monthlyCostCents, 200),
    perIpPerHour: envInt(CAP_ENV.perIpPerHour, 60),
  };
}

/** The notice a capped customer reads: which limit, and when they can chat again. */
export function capNotice(rule: string, retryAt: Date): string {
  const when = retryAt.toISOString().replace('T', ' ').slice(0, 16);
  if (rule === CHAT_RULES.monthlyCostCap) return `You have used this month's chat allowance. You can chat again from ${when} UTC; your dashboard works as usual.`;
  if (rule === CHAT_RULES.capCheckFailed) return 'The chat is unavailable right now. Please try again in a few minutes; your dashboard works as usual.';
  return `You have sent a lot of messages this hour. You can chat again from ${when} UTC; your dashboard works as usual.`;
}

/**
 * The caps, counted in Postgres so they hold across processes and replicas (spec §5): checked
 * BEFORE any model call, under a per-owner advisory lock so two simultaneous messages cannot both
 * slip under the limit, and the request is logged in the same transaction. Any failure while
 * counting refuses the turn (fail closed).
 */
@Injectable()
export class ChatCaps {
  async admit(tx: Tx, request: { ownerKey: string; ip: string | null; now: Date; tenantId: string }): Promise<void> {
    const limits = capLimitsFromEnv();
    const isVisitor = request.ownerKey.startsWith('anon-');
    let verdict: ReturnType<typeof capVerdict>;
    try {
      await tx.query(`select pg_advisory_xact_lock(hashtext('chat.cap:' || $1))`, [request.ownerKey]);
      const since = new Date(request.now.getTime() - 3_600_000);
      const [owner] = await tx.query(
        `select count(*)::int as n, min(requested_at) as oldest from chat.request where owner_key = $1 and requested_at > $2`,
        [request.ownerKey, since],
      );
      const [ip] =
        isVisitor && request.ip
          ? await tx.query(`select count(*)::int as n, min(requested_at) as oldest from chat.request where ip = $1 and owner_key like 'anon-%' and requested_at > $2`, [
              request.ip,
              since,
            ])
          : [{ n: 0, oldest: null }];
      const [usage] = await tx.query(`select cost_cents from chat.usage where owner_key = $1 and period_yyyymm = $2`, [request.ownerKey, periodOf(request.now)]);
      verdict = capVerdict(
        { ownerLastHour: owner.n, ownerOldest: owner.oldest, ipLastHour: ip.n, ipOldest: ip.oldest, monthCostCents: usage?.cost_cents ?? 0 },
        limits,
        request.now,
        isVisitor,
      );
      if (verdict.ok) {
        await tx.query(`insert into chat.request (owner_key, ip, requested_at, tenant_id) values ($1, $2, $3, $4)`, [request.ownerKey, request.ip, request.now, request.tenantId]);
      }
    } catch (error) {
      const retryAt = new Date(request.now.getTime() + 5 * 60_000);
      throw new PolicyViolation(CHAT_RULES.capCheckFailed, capNotice(CHAT_RULES.capCheckFailed, retryAt), { retryAt: retryAt.toISOString(), cause: (error as Error).message });
    }
    if (!verdict.ok) throw new PolicyViolation(verdict.rule, capNotice(verdict.rule, verdict.retryAt), { retryAt: verdict.retryAt.toISOString() });
  }

  /** Usage per owner per month: every turn counts a request; the model's tokens add their cost. */
  async recordUsage(tx: Tx, usage: { ownerKey: string; at: Date; promptTokens: number; completionTokens: number; costCents: number; tenantId: string }): Promise<void> {
    await tx.query(
      `insert into chat.usage (owner_key, period_yyyymm, tenant_id, requests_count, prompt_tokens, completion_tokens, cost_cents, last_updated)
       values ($1, $2, $3, 1, $4, $5, $6, $7)
       on conflict (owner_key, period_yyyymm) do update set
         requests_count = chat.usage.requests_count + 1,
         prompt_tokens = chat.usage.prompt_tokens + excluded.prompt_tokens,
         completion_tokens = chat.usage.completion_tokens + excluded.completion_tokens,
         cost_cents = chat.usage.cost_cents + excluded.cost_cents,
         last_updated = excluded.last_updated`,
      [usage.ownerKey, periodOf(usage.at), usage.tenantId, usage.promptTokens, usage.completionTokens, usage.costCents, usage.at],
    );
  }
}
