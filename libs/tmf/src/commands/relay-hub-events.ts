import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@bss/audit';
import { TMF_QUEUES } from '#tmf/tmf.errors';
import { HUB_EVENTS, listenerWants, toHubEnvelope, type HubEventEnvelope, type HubEventOwner } from '#tmf/domain/hub-event';
import { HubListenerEntity } from '#tmf/domain/hub-listener.entity';
import { PartnerEntitlements } from '#tmf/queries/partner-entitlements';

/** Events read per relay run; the next run continues from the cursor. */
const RELAY_BATCH = 500;
const CURSOR = 'domain_event';

/**
 * The oldest transaction still running in this database, as a 64-bit transaction id (our own
 * counts: it holds the cursor lock, so it has one). `age(xid)` is the distance from our own id,
 * which turns the 32-bit `backend_xid` into the epoch-extended id `tx_id` stores. The cluster-wide
 * `pg_snapshot_xmin` would do too, but would let any long transaction of another database (a
 * parallel test suite, a reporting job) hold the relay back.
 */
const OLDEST_RUNNING_TRANSACTION = `
  select (pg_current_xact_id()::text::bigint - coalesce(max(age(backend_xid)), 0))::text as horizon
    from pg_stat_activity where datname = current_database() and backend_xid is not null`;

export interface HubDeliveryJob {
  listenerId: string;
  envelope: HubEventEnvelope;
}

interface EventRow {
  tx_id: string;
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
 *
 * The cursor is `(tx_id, id)`, read only below the oldest transaction still running: an event id
 * is taken at insert, not at commit, so a plain id cursor skipped an event whose transaction
 * committed after a later id had been read. Behind that horizon no new row can appear; an event
 * of a transaction still open waits for the next run.
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
      await w.tx.query(`insert into tmf.hub_cursor (name, last_tx_id, last_event_seq) values ($1, 0, 0) on conflict do nothing`, [CURSOR]);
      const [cursor] = await w.tx.query(`select last_tx_id, last_event_seq from tmf.hub_cursor where name = $1 for update`, [CURSOR]);
      // Read before the events, in its own statement: whatever finished before it is visible to the next one.
      const [{ horizon }] = await w.tx.query(OLDEST_RUNNING_TRANSACTION);
      const rows: EventRow[] = await w.tx.query(
        `select tx_id, id as seq, event_id, event_type, aggregate_id, occurred_at, request_id, tenant_id, payload
           from audit.domain_event
          where (tx_id, id) > ($1::bigint, $2::bigint) and tx_id < $3::bigint and event_type = any($4)
          order by tx_id, id limit $5`,
        [cursor.last_tx_id, cursor.last_event_seq, horizon, Object.keys(HUB_EVENTS), RELAY_BATCH],
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
      const last = rows[rows.length - 1];
      await w.tx.query(`update tmf.hub_cursor set last_tx_id = $2, last_event_seq = $3 where name = $1`, [CURSOR, last.tx_id, last.seq]);
      return enqueued;
    });
  }
}
