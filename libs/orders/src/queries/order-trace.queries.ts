import { Injectable } from '@nestjs/common';
import { AuditQueries, type DomainEventRecord } from '@bss/audit';
import { Clock, Database, jobRunsCarrying, type JobRun } from '@bss/platform';
import { OrderQueries } from './order.queries';

export interface TraceEntry {
  /** Swimlane: COM, SOM, PROV, SUB, PAY, INV, JOB … */
  lane: string;
  at: Date;
  label: string;
  error: boolean;
  source: 'event' | 'job';
  /** Event type or queue name. */
  kind: string;
  /** Aggregate id (events) or job id (jobs). */
  ref: string;
}

export interface OrderTraceView {
  orderId: string;
  traceId: string;
  entries: TraceEntry[];
}

const LANE_BY_PREFIX: readonly [string, string][] = [
  ['provisioning.task.', 'PROV'],
  ['order.', 'COM'],
  ['service_order.', 'SOM'],
  ['service.', 'SOM'],
  ['provisioning.', 'PROV'],
  ['subscription.', 'SUB'],
  ['payment.', 'PAY'],
  ['inventory.', 'INV'],
  ['msisdn.', 'INV'],
  ['esim.', 'INV'],
];
const ERROR_EVENT = /(failed|declined|stuck|errored|refused)$/;

/**
 * `bss trace for-order ORD`: the order's audit events (its own aggregates, and everything written
 * under its trace id — every job of the chain runs under it, so subscription's and payment's
 * events show too) merged with the runs of its jobs. Events carry the simulated clock; job runs
 * carry wall time, shifted onto the simulated timeline (by the clock offset, or anchored at the
 * first event when the clock is frozen).
 */
@Injectable()
export class OrderTraceQueries {
  constructor(
    private readonly orders: OrderQueries,
    private readonly audit: AuditQueries,
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async forOrder(orderId: string): Promise<OrderTraceView> {
    const order = await this.orders.get(orderId);
    const [traceId] = await this.db.query<{ trace_id: string }>(`select trace_id from orders.product_order where id = $1`, [orderId]);
    const aggregateIds = new Set<string>([order.id, order.item.id]);
    for (const so of order.serviceOrders) {
      aggregateIds.add(so.id);
      for (const cfs of so.cfs) {
        aggregateIds.add(cfs.id);
        for (const rfs of cfs.rfs) {
          aggregateIds.add(rfs.id);
          for (const task of rfs.tasks) aggregateIds.add(task.id);
        }
      }
    }
    if (order.subscriptionId) aggregateIds.add(order.subscriptionId);

    // The traced events come back in emission order; events written outside the trace (operator
    // verbs, the stuck sweeper) are merged in by time after them.
    const traced = (await this.audit.list({ requestId: traceId?.trace_id ?? '', limit: 1000 })).reverse();
    const seen = new Set(traced.map((e) => e.eventId));
    const others: DomainEventRecord[] = [];
    for (const aggregateId of aggregateIds) {
      for (const event of await this.audit.list({ aggregateId, limit: 1000 })) {
        if (seen.has(event.eventId)) continue;
        seen.add(event.eventId);
        others.push(event);
      }
    }
    const events = [...traced, ...others].map(toEventEntry);
    events.sort((a, b) => a.at.getTime() - b.at.getTime());

    const jobs = await jobRunsCarrying(this.db, 'orderId', orderId);
    const shift = await this.jobShiftMs(events[0]?.at ?? null, jobs);
    const jobEntries = jobs.map((job): TraceEntry => ({
      lane: 'JOB',
      at: new Date((job.startedOn ?? job.createdOn).getTime() + shift),
      label: `${job.queue.replace(/^orders\./, '')} ${job.state}${job.retryCount > 0 ? ` (retry ${job.retryCount})` : ''}`,
      error: job.state === 'failed',
      source: 'job',
      kind: job.queue,
      ref: job.id,
    }));
    const entries = [...events, ...jobEntries].sort((a, b) => a.at.getTime() - b.at.getTime());
    return { orderId: order.id, traceId: traceId?.trace_id ?? '', entries };
  }

  private async jobShiftMs(firstEventAt: Date | null, jobs: readonly JobRun[]): Promise<number> {
    const state = await this.clock.state();
    if (state.mode === 'wall') return state.offsetSeconds * 1000;
    if (!firstEventAt || jobs.length === 0) return 0;
    const firstJob = Math.min(...jobs.map((j) => j.createdOn.getTime()));
    return firstEventAt.getTime() - firstJob;
  }
}

function toEventEntry(event: DomainEventRecord): TraceEntry {
  const lane = LANE_BY_PREFIX.find(([prefix]) => event.eventType.startsWith(prefix))?.[1] ?? event.eventType.split('.')[0]?.toUpperCase() ?? 'OTHER';
  const prefix = LANE_BY_PREFIX.find(([p]) => event.eventType.startsWith(p))?.[0] ?? '';
  const short = event.eventType.slice(prefix.length);
  const taskType = typeof event.payload.taskType === 'string' ? ` ${event.payload.taskType}` : '';
  return {
    lane,
    at: new Date(event.occurredAt),
    label: `${short}${taskType || ` ${event.aggregateId}`}`,
    error: ERROR_EVENT.test(event.eventType),
    source: 'event',
    kind: event.eventType,
    ref: event.aggregateId,
  };
}
