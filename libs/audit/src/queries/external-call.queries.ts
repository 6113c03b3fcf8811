import { Injectable } from '@nestjs/common';
import { Clock, Database } from '@bss/platform';

/** Statuses adapters write when the outside system did what we asked. Anything else is a failure. */
export const EXTERNAL_CALL_SUCCESS_STATUSES = ['ok', 'approved', 'succeeded', 'sent', 'delivered'] as const;

export interface ExternalCallFilter {
  provider?: string;
  /** Only calls at most this many seconds old (simulated clock, like `occurred_at`). */
  sinceSeconds?: number;
  /** Only calls that did not succeed: declined, timed out, refused, errored … */
  failed?: boolean;
  aggregateId?: string;
  limit?: number;
}

export interface ExternalCallView {
  id: string;
  occurredAt: string;
  provider: string;
  operation: string;
  status: string;
  succeeded: boolean;
  latencyMs: number;
  aggregateId: string | null;
  /** As the adapter stored it: already redacted (never a PAN or a full token). */
  request: Record<string, unknown> | null;
  response: Record<string, unknown> | null;
  error: string | null;
}

interface ExternalCallRow {
  id: string;
  occurred_at: Date;
  provider: string;
  operation: string;
  status: string;
  latency_ms: number;
  aggregate_id: string | null;
  request_payload: Record<string, unknown> | null;
  response_payload: Record<string, unknown> | null;
  error: string | null;
}

/** Reads `audit.external_call`, the log every adapter writes (see ExternalCallLog). */
@Injectable()
export class ExternalCallQueries {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Newest first. */
  async list(filter: ExternalCallFilter = {}): Promise<ExternalCallView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.provider) add('provider = ?', filter.provider);
    if (filter.aggregateId) add('aggregate_id = ?', filter.aggregateId);
    if (filter.sinceSeconds !== undefined) add('occurred_at >= ?', new Date((await this.clock.now()).getTime() - filter.sinceSeconds * 1000));
    if (filter.failed) add('(status <> all(?) or error is not null)', [...EXTERNAL_CALL_SUCCESS_STATUSES]);
    params.push(Math.min(Math.max(filter.limit ?? 50, 1), 1000));
    const rows = await this.db.query<ExternalCallRow>(
      `select id, occurred_at, provider, operation, status, latency_ms, aggregate_id, request_payload, response_payload, error
         from audit.external_call ${where.length ? `where ${where.join(' and ')}` : ''}
        order by occurred_at desc, id desc limit $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: String(r.id),
      occurredAt: r.occurred_at.toISOString(),
      provider: r.provider,
      operation: r.operation,
      status: r.status,
      succeeded: r.error === null && (EXTERNAL_CALL_SUCCESS_STATUSES as readonly string[]).includes(r.status),
      latencyMs: r.latency_ms,
      aggregateId: r.aggregate_id,
      request: r.request_payload,
      response: r.response_payload,
      error: r.error,
    }));
  }
}
