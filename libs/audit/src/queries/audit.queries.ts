import { Injectable } from '@nestjs/common';
import { Database } from '@bss/platform';
import type { DomainEventRecord } from '#audit/domain/domain-event';

export interface AuditFilter {
  aggregateId?: string;
  aggregateType?: string;
  /** Exact type, or a prefix ending in `.` / `*` (e.g. `subscription.`). */
  eventType?: string;
  serviceIdentity?: string;
  requestId?: string;
  /** A caller's own `X-Request-Id`. */
  correlationId?: string;
  limit?: number;
}

interface EventRow {
  event_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  occurred_at: Date;
  actor: string;
  channel: string;
  service_identity: string;
  tenant_id: string;
  request_id: string;
  correlation_id: string | null;
  payload: Record<string, unknown>;
}

@Injectable()
export class AuditQueries {
  constructor(private readonly db: Database) {}

  /** Newest first. */
  async list(filter: AuditFilter = {}): Promise<DomainEventRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.aggregateId) add('aggregate_id = ?', filter.aggregateId);
    if (filter.aggregateType) add('aggregate_type = ?', filter.aggregateType);
    if (filter.serviceIdentity) add('service_identity = ?', filter.serviceIdentity);
    if (filter.requestId) add('request_id = ?', filter.requestId);
    if (filter.correlationId) add('correlation_id = ?', filter.correlationId);
    if (filter.eventType) {
      const prefix = /[.*]$/.test(filter.eventType);
      if (prefix) add('event_type like ?', `${filter.eventType.replace(/\*$/, '')}%`);
      else add('event_type = ?', filter.eventType);
    }
    params.push(Math.min(Math.max(filter.limit ?? 50, 1), 1000));
    const rows = await this.db.query<EventRow>(
      `select event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, channel, service_identity, tenant_id, request_id, correlation_id, payload
         from audit.domain_event ${where.length ? `where ${where.join(' and ')}` : ''}
        order by occurred_at desc, id desc limit $${params.length}`,
      params,
    );
    return rows.map(toRecord);
  }
}

export function toRecord(r: EventRow): DomainEventRecord {
  return {
    eventId: r.event_id,
    eventType: r.event_type,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    occurredAt: r.occurred_at.toISOString(),
    actor: r.actor,
    channel: r.channel,
    serviceIdentity: r.service_identity,
    tenant: r.tenant_id,
    requestId: r.request_id,
    correlationId: r.correlation_id,
    payload: r.payload,
  };
}
