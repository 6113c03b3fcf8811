import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@bss/platform';
import { currentAuth, type AuthContext } from '@bss/policies';
import type { DomainEventInput, DomainEventRecord } from '#audit/domain/domain-event';

/** An event stamped with its own sender (e.g. a usage batch mixing several senders' events); default: the ambient AuthContext. */
export type AttributedEventInput = DomainEventInput & { auth?: AuthContext };

/** Writes audit.domain_event rows inside the caller's transaction, stamped from the ambient AuthContext. */
@Injectable()
export class AuditLog {
  async record(tx: Tx, occurredAt: Date, event: DomainEventInput): Promise<DomainEventRecord> {
    const [record] = await this.recordMany(tx, occurredAt, [event]);
    return record as DomainEventRecord;
  }

  /** Several events in one multi-row INSERT (one round trip), kept in the given order. */
  async recordMany(tx: Tx, occurredAt: Date, events: readonly AttributedEventInput[]): Promise<DomainEventRecord[]> {
    if (events.length === 0) return [];
    const ambient = currentAuth();
    const records: DomainEventRecord[] = events.map(({ auth = ambient, ...event }) => ({
      eventId: randomUUID(),
      eventType: event.eventType,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      occurredAt: occurredAt.toISOString(),
      actor: auth.actor,
      channel: auth.channel,
      serviceIdentity: auth.serviceIdentity,
      tenant: auth.tenant,
      requestId: auth.requestId,
      correlationId: auth.correlationId ?? null,
      payload: event.payload ?? {},
    }));
    const column = <T>(pick: (record: DomainEventRecord) => T): T[] => records.map(pick);
    await tx.query(
      `insert into audit.domain_event
         (event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, channel, service_identity, tenant_id, request_id, correlation_id, payload)
       select event_id, event_type, aggregate_type, aggregate_id, $1, actor, channel, service_identity, tenant_id, request_id, correlation_id, payload
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::jsonb[])
                with ordinality as e(event_id, event_type, aggregate_type, aggregate_id, actor, channel, service_identity, tenant_id, request_id, correlation_id, payload, ord)
        order by ord`,
      [
        occurredAt,
        column((r) => r.eventId),
        column((r) => r.eventType),
        column((r) => r.aggregateType),
        column((r) => r.aggregateId),
        column((r) => r.actor),
        column((r) => r.channel),
        column((r) => r.serviceIdentity),
        column((r) => r.tenant),
        column((r) => r.requestId),
        column((r) => r.correlationId),
        column((r) => JSON.stringify(r.payload)),
      ],
    );
    return records;
  }
}
