import { Injectable } from '@nestjs/common';
import { Database, JOB_SCHEMA, jobRunsCarrying, NotFound, type JobRun } from '@bss/platform';

/**
 * A trace is everything one request set in motion: the audit events written under its request id
 * (every job of a chain runs under the id of the request that started it) and the runs of the
 * jobs carrying it as `traceId`. One entry per event or job run, in the order they happened.
 */
export interface TraceEntry {
  /** Swimlane / service: COM, SOM, PROV, SUB, PAY, INV, CRM …; JOB for job runs. */
  service: string;
  /** Wall time (database clock): the order entries happened in. */
  at: string;
  /** Milliseconds since the trace's first entry, on that wall timeline. */
  offsetMs: number;
  /** The simulated business time of an event (what `occurred_at` says); null for job runs. */
  occurredAt: string | null;
  source: 'event' | 'job';
  /** Event type or queue name. */
  kind: string;
  /** Aggregate id (events) or job id (jobs). */
  ref: string;
  label: string;
  error: boolean;
  /** Who wrote the event (`cli-user`, `system:som` …); null for job runs. */
  actor: string | null;
  serviceIdentity: string | null;
  /** Job runs: how long the run took, when it ended. */
  durationMs: number | null;
}

export interface TraceView {
  traceId: string;
  startedAt: string;
  durationMs: number;
  services: string[];
  errors: number;
  entries: TraceEntry[];
}

export interface AggregateTraceView extends TraceView {
  aggregateId: string;
  /** Older traces that touched the aggregate, newest first (`bss trace get <id>` opens one). */
  otherTraceIds: string[];
}

/** One tool call of an agent turn, as its `agent.turn_completed` event recorded it. */
export interface AgentTurnToolCall {
  name: string;
  ok: boolean;
  /** The observation's error code when the call failed (`DESTRUCTIVE_OPERATION_BLOCKED`, `NOT_FOUND`, …). */
  error?: string;
}

/** An agent turn: the tools it called, and the trace its writes made (every call runs under the turn id). */
export interface AgentTurnTraceView extends TraceView {
  turnId: string;
  actor: string;
  model: string | null;
  profile: string | null;
  outcome: string | null;
  toolCalls: AgentTurnToolCall[];
}

export interface TraceServiceView {
  service: string;
  events: number;
  traces: number;
  errors: number;
  lastSeen: string;
}

/** How many of an aggregate's newest events are searched for its traces. */
export const AGGREGATE_TRACE_WINDOW = 20;

const SERVICE_BY_PREFIX: Readonly<Record<string, string>> = {
  order: 'COM',
  service_order: 'SOM',
  service: 'SOM',
  provisioning: 'PROV',
  subscription: 'SUB',
  usage: 'USAGE',
  payment: 'PAY',
  inventory: 'INV',
  msisdn: 'INV',
  esim: 'INV',
  customer: 'CRM',
  case: 'CRM',
  ticket: 'CRM',
  interaction: 'CRM',
  catalog: 'CAT',
  promo: 'PROMO',
  identity: 'IDENT',
  login: 'IDENT',
  session: 'IDENT',
  step_up: 'IDENT',
  email_change: 'IDENT',
  kyc: 'IDENT',
  signup: 'SIGNUP',
  notification: 'NOTIF',
  port: 'PORT',
  hub_listener: 'TMF',
  agent: 'AGENT',
  admin: 'ADMIN',
};
export const JOB_SERVICE = 'JOB';
const ERROR_EVENT = /(failed|declined|stuck|errored|refused|rejected)$/;

/** The service (swimlane) an event type belongs to: its first dotted segment, mapped to a context. */
export function serviceOfEventType(eventType: string): string {
  const head = eventType.split('.')[0] ?? eventType;
  return SERVICE_BY_PREFIX[head] ?? head.toUpperCase();
}

interface EventRow {
  id: string;
  event_type: string;
  aggregate_id: string;
  occurred_at: Date;
  recorded_at: Date;
  actor: string;
  service_identity: string;
  payload: Record<string, unknown>;
}

interface Timed {
  wall: number;
  /** Tie-break on one instant: events (in insertion order) before job runs. */
  rank: number;
  entry: Omit<TraceEntry, 'offsetMs'>;
}

@Injectable()
export class TraceQueries {
  constructor(private readonly db: Database) {}

  /** `bss trace get <id>`. */
  async get(traceId: string): Promise<TraceView> {
    const events = await this.db.query<EventRow>(
      `select id, event_type, aggregate_id, occurred_at, coalesce(recorded_at, occurred_at) as recorded_at, actor, service_identity, payload
         from audit.domain_event where request_id = $1 order by id limit 5000`,
      [traceId],
    );
    const jobs = await jobRunsCarrying(this.db, 'traceId', traceId);
    if (events.length === 0 && jobs.length === 0) throw new NotFound('trace', traceId);
    return buildTrace(traceId, events, jobs);
  }

  /**
   * `bss trace for-subscription SUB-…` (or any aggregate): the newest trace among the aggregate's
   * last {@link AGGREGATE_TRACE_WINDOW} events, with the older ones listed.
   */
  async forAggregate(aggregateId: string, aggregateType: string): Promise<AggregateTraceView> {
    const rows = await this.db.query<{ request_id: string }>(
      `select request_id from audit.domain_event where aggregate_id = $1 order by id desc limit ${AGGREGATE_TRACE_WINDOW}`,
      [aggregateId],
    );
    const traceIds = [...new Set(rows.map((r) => r.request_id))];
    const [newest, ...older] = traceIds;
    if (!newest) throw new NotFound(aggregateType, aggregateId);
    return { aggregateId, otherTraceIds: older, ...(await this.get(newest)) };
  }

  /**
   * `bss trace for-ask <turn id>`: the turn's tool calls (from its `agent.turn_completed` event)
   * beside the audit events they caused — the turn id is the request id of every call's writes.
   */
  async forAgentTurn(turnId: string): Promise<AgentTurnTraceView> {
    const [turn] = await this.db.query<{ actor: string; payload: { model?: string; profile?: string; outcome?: string; tools?: AgentTurnToolCall[] } }>(
      `select actor, payload from audit.domain_event where aggregate_id = $1 and event_type = 'agent.turn_completed' order by id desc limit 1`,
      [turnId],
    );
    if (!turn) throw new NotFound('agent_turn', turnId);
    const { model = null, profile = null, outcome = null, tools = [] } = turn.payload;
    return { turnId, actor: turn.actor, model, profile, outcome, toolCalls: tools, ...(await this.get(turnId)) };
  }

  /** `bss trace services`: which services show up in traces, newest activity first. */
  async services(): Promise<TraceServiceView[]> {
    const rows = await this.db.query<{ head: string; events: string; traces: string; errors: string; last_seen: Date }>(
      `select split_part(event_type, '.', 1) as head, count(*) as events, count(distinct request_id) as traces,
              count(*) filter (where event_type ~ '(failed|declined|stuck|errored|refused|rejected)$') as errors,
              max(coalesce(recorded_at, occurred_at)) as last_seen
         from audit.domain_event group by 1`,
    );
    const jobs = await this.db.query<{ runs: string; traces: string; errors: string; last_seen: Date | null }>(
      `select count(*) as runs, count(distinct data->>'traceId') as traces, count(*) filter (where state = 'failed') as errors,
              max(coalesce(started_on, created_on)) as last_seen
         from (select data, state, started_on, created_on from ${JOB_SCHEMA}.job where data ? 'traceId'
               union all
               select data, state, started_on, created_on from ${JOB_SCHEMA}.archive where data ? 'traceId') runs`,
    );
    const byService = new Map<string, { events: number; traces: number; errors: number; lastSeen: number }>();
    for (const row of rows) {
      const service = serviceOfEventType(row.head);
      const seen = byService.get(service) ?? { events: 0, traces: 0, errors: 0, lastSeen: 0 };
      // Traces are counted per event-type head; a service with several heads may count one twice.
      byService.set(service, {
        events: seen.events + Number(row.events),
        traces: seen.traces + Number(row.traces),
        errors: seen.errors + Number(row.errors),
        lastSeen: Math.max(seen.lastSeen, row.last_seen.getTime()),
      });
    }
    const runs = jobs[0];
    if (runs && Number(runs.runs) > 0 && runs.last_seen) {
      byService.set(JOB_SERVICE, { events: Number(runs.runs), traces: Number(runs.traces), errors: Number(runs.errors), lastSeen: runs.last_seen.getTime() });
    }
    return [...byService.entries()]
      .map(([service, s]) => ({ service, events: s.events, traces: s.traces, errors: s.errors, lastSeen: new Date(s.lastSeen).toISOString() }))
      .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.service.localeCompare(b.service));
  }
}

function buildTrace(traceId: string, events: readonly EventRow[], jobs: readonly JobRun[]): TraceView {
  const timed: Timed[] = [
    ...events.map((event, index): Timed => ({ wall: event.recorded_at.getTime(), rank: index, entry: eventEntry(event) })),
    ...jobs.map((job): Timed => ({ wall: (job.startedOn ?? job.createdOn).getTime(), rank: Number.MAX_SAFE_INTEGER, entry: jobEntry(job) })),
  ];
  timed.sort((a, b) => a.wall - b.wall || a.rank - b.rank);
  const start = timed[0]?.wall ?? 0;
  const end = Math.max(...timed.map((t) => t.wall + (t.entry.durationMs ?? 0)));
  const entries = timed.map((t): TraceEntry => ({ ...t.entry, offsetMs: t.wall - start }));
  return {
    traceId,
    startedAt: new Date(start).toISOString(),
    durationMs: end - start,
    services: [...new Set(entries.map((e) => e.service))],
    errors: entries.filter((e) => e.error).length,
    entries,
  };
}

function eventEntry(event: EventRow): Omit<TraceEntry, 'offsetMs'> {
  const detail = typeof event.payload.taskType === 'string' ? event.payload.taskType : event.aggregate_id;
  return {
    service: serviceOfEventType(event.event_type),
    at: event.recorded_at.toISOString(),
    occurredAt: event.occurred_at.toISOString(),
    source: 'event',
    kind: event.event_type,
    ref: event.aggregate_id,
    label: `${event.event_type} ${detail}`,
    error: ERROR_EVENT.test(event.event_type),
    actor: event.actor,
    serviceIdentity: event.service_identity,
    durationMs: null,
  };
}

function jobEntry(job: JobRun): Omit<TraceEntry, 'offsetMs'> {
  const started = job.startedOn ?? job.createdOn;
  const durationMs = job.completedOn && job.startedOn ? job.completedOn.getTime() - job.startedOn.getTime() : null;
  const retry = job.retryCount > 0 ? ` (retry ${job.retryCount})` : '';
  return {
    service: JOB_SERVICE,
    at: started.toISOString(),
    occurredAt: null,
    source: 'job',
    kind: job.queue,
    ref: job.id,
    label: `${job.queue} ${job.state}${retry}${durationMs === null ? '' : ` ${durationMs}ms`}`,
    error: job.state === 'failed',
    actor: null,
    serviceIdentity: null,
    durationMs,
  };
}
