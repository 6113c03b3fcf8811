import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@bss/audit';
import { TMF_QUEUES } from '#tmf/tmf.errors';
import { HUB_EVENTS, listenerWants, toHubEnvelope, type HubEventEnvelope, type HubEventOwner } from '#tmf/domain/hub-event';
import { HubListenerEntity } from '#tmf/domain/hub-listener.entity';
import { PartnerEntitlements } from '#tmf/queries/partner-entitlements';

/** Events read per relay run; the next run continues from the cursor. */
const RELAY_BATCH = 500;
const CURSOR = 'domain_event';

export interface HubDeliveryJob {
  listenerId: string;
  envelope: HubEventEnvelope;
}

interface EventRow {
  seq: string;
  event_id: string;
  event_type: string;
  aggregate_id: string;
  occurred_at: Date;
  request_id: string;
  tenant_id: string;
  payload: Record<string, unknown>;
}

/**
 * The hub's outbox relay: reads `audit.domain_event` past its cursor and enqueues one delivery
 * job per (event, listener) in the same transaction that moves the cursor, so each event is
 * handed to each listener exactly once. A listener only sees events after it registered, and only
 * about customers its partner is entitled to (`PartnerEntitlements`: the ones it brought, or all
 * when trusted); an event whose customer cannot be found any more goes to trusted partners only.
 */
@Injectable()
export class RelayHubEvents {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly entitlements: PartnerEntitlements,
  ) {}

  /** Returns how many deliveries it enqueued. */
  async run(): Promise<number> {
    return this.uow.run(async (w) => {
      await w.tx.query(`insert into tmf.hub_cursor (name, last_event_seq) values ($1, 0) on conflict do nothing`, [CURSOR]);
      const [{ last_event_seq: after }] = await w.tx.query(`select last_event_seq from tmf.hub_cursor where name = $1 for update`, [CURSOR]);
      const rows: EventRow[] = await w.tx.query(
        `select id as seq, event_id, event_type, aggregate_id, occurred_at, request_id, tenant_id, payload
           from audit.domain_event where id > $1 and event_type = any($2) order by id limit $3`,
        [after, Object.keys(HUB_EVENTS), RELAY_BATCH],
      );
      if (rows.length === 0) return 0;
      const listeners = await w.tx.find(HubListenerEntity);
      let enqueued = 0;
      // A batch holds many events of one order or line: look each resource's customer up once.
      const customers = new Map<string, Promise<string | null>>();
      const customerOf = (tenant: string, owner: HubEventOwner, id: string) => {
        const key = `${tenant}|${owner}|${id}`;
        if (!customers.has(key)) customers.set(key, this.entitlements.customerOf(tenant, owner, id));
        return customers.get(key)!;
      };
      for (const row of rows) {
        const mapping = HUB_EVENTS[row.event_type];
        const candidates = listeners.filter(
          (l) => l.tenantId === row.tenant_id && l.api === mapping.api && l.createdAt <= row.occurred_at && listenerWants(l.query, mapping.eventType),
        );
        if (candidates.length === 0) continue;
        const customerId = await customerOf(row.tenant_id, mapping.owner, row.aggregate_id);
        const entitled = await this.entitlements.entitledAmong(row.tenant_id, customerId, [...new Set(candidates.map((l) => l.serviceIdentity))]);
        for (const listener of candidates) {
          if (!entitled.has(listener.serviceIdentity)) continue;
          const envelope = toHubEnvelope(
            { eventId: row.event_id, eventType: row.event_type, aggregateId: row.aggregate_id, occurredAt: row.occurred_at, requestId: row.request_id, payload: row.payload },
            mapping,
          );
          await w.enqueue(TMF_QUEUES.deliver, { listenerId: listener.id, envelope } satisfies HubDeliveryJob);
          enqueued += 1;
        }
      }
      await w.tx.query(`update tmf.hub_cursor set last_event_seq = $2 where name = $1`, [CURSOR, rows[rows.length - 1].seq]);
      return enqueued;
    });
  }
}
