import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import type { DomainEventInput, DomainEventRecord } from '../domain/domain-event';

/** Writes audit.domain_event rows inside the caller's transaction, stamped from the ambient AuthContext. */
@Injectable()
export class AuditLog {
  async record(tx: Tx, occurredAt: Date, event: DomainEventInput): Promise<DomainEventRecord> {
    const auth = currentAuth();
    const record: DomainEventRecord = {
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
      payload: event.payload ?? {},
    };
    await tx.query(
      `insert into audit.domain_event
         (event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, channel, service_identity, tenant_id, request_id, payload)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [record.eventId, record.eventType, record.aggregateType, record.aggregateId, occurredAt, record.actor, record.channel,
        record.serviceIdentity, record.tenant, record.requestId, JSON.stringify(record.payload)],
    );
    return record;
  }
}
