import { Injectable } from '@nestjs/common';
import { Clock, Database } from '@bss/platform';

export interface ExternalCallRecord {
  provider: string;
  operation: string;
  /** `ok`, `declined`, `errored`, `failed` (no answer), … */
  status: string;
  latencyMs: number;
  /** Our id the call was about (attempt id, customer id). */
  aggregateId?: string | null;
  /** Already redacted: never a PAN, never a full token. */
  request?: Record<string, unknown>;
  response?: Record<string, unknown>;
  error?: string | null;
}

/**
 * Every call to an outside system (payment gateway, loyalty engine, mail relay, LLM) is logged here.
 * Writes `audit.external_call` on its own connection, outside any write transaction: the call to
 * the provider happened whether or not our transaction commits, and the log must say so.
 */
@Injectable()
export class ExternalCallLog {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async record(call: ExternalCallRecord): Promise<void> {
    await this.db.query(
      `insert into audit.external_call (provider, operation, status, latency_ms, aggregate_id, request_payload, response_payload, error, occurred_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        call.provider,
        call.operation,
        call.status,
        Math.round(call.latencyMs),
        call.aggregateId ?? null,
        call.request ? JSON.stringify(call.request) : null,
        call.response ? JSON.stringify(call.response) : null,
        call.error ?? null,
        await this.clock.now(),
      ],
    );
  }
}
