import { randomUUID } from 'node:crypto';
import type { DomainEventInput, WriteScope } from '@bss/audit';
import { PolicyViolation } from '@bss/platform';
import type { AuthContext } from '@bss/policies';
import { USAGE_REJECTION_REASONS } from '#subscription/subscription.errors';
import { consumedAfter, isDataExhausted, type AllowanceType, type AllowanceUnit } from '#subscription/domain/balance.calc';
import { BundleBalanceEntity } from '#subscription/domain/bundle-balance.entity';
import { rateUsage, type UsageEventType } from '#subscription/domain/rating.calc';
import { USAGE_EVENT_SEQUENCE } from '#subscription/domain/subscription.ids';
import { SubscriptionEntity } from '#subscription/domain/subscription.entity';
import { nextSubscriptionState, type SubscriptionState } from '#subscription/domain/subscription.state';
import { toBalanceView, toUsageEventView, type BalanceView, type UsageEventView } from '#subscription/domain/subscription.views';
import { UsageEventEntity } from '#subscription/domain/usage-event.entity';
import { assertMsisdnBelongsToSubscription, assertRoamingBalance, assertUsageLineActive, assertUsageLineExists } from '#subscription/policies/usage.policies';
import { recordHistory } from './subscription.store';

/** One usage event that passed its input checks (format, quantity > 0, known type), waiting to be rated. */
export interface PendingUsage {
  msisdn: string;
  eventType: UsageEventType;
  quantity: number;
  unit: AllowanceUnit;
  eventTime: Date | null;
  eventId: string | null;
  source: string;
  rawCdrRef: string | null;
  roamingIndicator: boolean;
  subscriptionId: string | null;
  /** Who sent it: each event's audit rows carry its own actor, channel and request id. */
  auth: AuthContext;
}

export interface RecordUsageResult {
  /** `duplicate`: this event id was already recorded; nothing was rated again. */
  outcome: 'recorded' | 'duplicate';
  usageEvent: UsageEventView;
  subscriptionId: string;
  subscriptionState: SubscriptionState;
  /** The bucket the event was rated against, after rating (null when unrated). */
  balance: BalanceView | null;
  /** True when this event exhausted home data and blocked the line. */
  blocked: boolean;
}

/** A refusal is committed (one `usage.rejected`, no usage row) and handed back instead of thrown. */
export type UsageOutcome = RecordUsageResult | { outcome: 'rejected'; violation: PolicyViolation };

/** Two deliveries of one event id raced on different lines; the batch is retried and sees the winner. */
export class UsageBatchConflict extends Error {}

interface Line {
  subscription: SubscriptionEntity;
  balances: Map<AllowanceType, BundleBalanceEntity>;
  overlayUntil: Date | null;
}

interface Accepted {
  index: number;
  line: Line;
  row: UsageEventEntity;
  balance: BundleBalanceEntity | null;
  rated: boolean;
  blocks: boolean;
}

interface Rejected {
  index: number;
  line: Line | null;
  violation: PolicyViolation;
  reason: string;
}

interface Duplicate {
  index: number;
  line: Line;
  usage: UsageEventEntity;
}

interface AuditRow {
  auth: AuthContext;
  event: DomainEventInput;
}

/**
 * Rates a batch of usage events in the caller's transaction exactly as if they arrived one by one
 * in order — the mediation checks of §7.4, dedupe by event id, rating (roaming data to
 * `data_roaming`), consume, block-on-exhaust — in a fixed few round trips for the whole batch:
 * lock and read, decide in memory with the pure rules, write usage + balances in one statement and
 * the audit rows in one multi-row insert. Every line touched is locked first (`FOR UPDATE` on the line and its balance rows,
 * in id order, so concurrent batches never deadlock).
 */
export async function rateUsageBatch(w: WriteScope, events: readonly PendingUsage[]): Promise<UsageOutcome[]> {
  const loaded = await loadBatch(w, events);
  const rejected: Rejected[] = [];
  const accepted: Accepted[] = [];
  const duplicates: Duplicate[] = [];
  const inBatch = new Map<string, UsageEventEntity>();

  events.forEach((event, index) => {
    const line = loaded.lines.get(event.msisdn);
    if (!line) {
      const violation = violationFrom(() => assertUsageLineExists(line, event.msisdn));
      rejected.push({ index, line: null, violation, reason: violation.rule });
      return;
    }
    const earlier = event.eventId ? (loaded.seen.get(event.eventId) ?? inBatch.get(event.eventId)) : undefined;
    if (earlier) {
      duplicates.push({ index, line, usage: earlier });
      return;
    }
    const sub = line.subscription;
    const refusal = violationOf(() => {
      assertMsisdnBelongsToSubscription(sub, event.subscriptionId ?? undefined);
      assertUsageLineActive(sub);
    });
    if (refusal) {
      rejected.push({ index, line, violation: refusal, reason: refusal.rule });
      return;
    }
    const rating = rateUsage({ eventType: event.eventType, quantity: event.quantity, roaming: event.roamingIndicator }, new Set(line.balances.keys()));
    if (rating.kind === 'rejected') {
      rejected.push({ index, line, violation: violationFrom(() => assertRoamingBalance(sub.id, undefined)), reason: rating.reason });
      return;
    }
    const balance = line.balances.get(rating.allowanceType) ?? null;
    if (rating.allowanceType === 'data_roaming') {
      const noQuota = violationOf(() => assertRoamingBalance(sub.id, balance ?? undefined));
      if (noQuota) {
        rejected.push({ index, line, violation: noQuota, reason: noQuota.rule });
        return;
      }
    }
    const rated = rating.kind === 'rated' && balance !== null;
    const overlay = rating.allowanceType === 'data' && line.overlayUntil !== null && line.overlayUntil > w.now;
    const consumedQuantity = rated && !overlay ? rating.consumedQuantity : 0;
    if (balance) balance.consumed = consumedAfter(balance, consumedQuantity);
    const blocks = rated && rating.allowanceType === 'data' && isDataExhausted(balance ?? undefined, overlay);
    // Blocked from here on: later events of this batch meet check 5 as later requests would.
    if (blocks) {
      sub.state = nextSubscriptionState(sub, 'exhaust');
      sub.stateReason = 'exhausted';
    }
    const row = usageRow(w, event, sub, loaded.ids[accepted.length] ?? '', rated ? rating.allowanceType : null, consumedQuantity);
    accepted.push({ index, line, row, balance, rated, blocks });
    if (event.eventId) inBatch.set(event.eventId, row);
  });

  // The history row names the sender whose event emptied the bucket.
  for (const a of accepted) if (a.blocks) await recordBlock({ ...w, auth: (events[a.index] as PendingUsage).auth }, a.line.subscription);
  // Audit rows in arrival order, each stamped with its sender's identity.
  const audit: AuditRow[][] = events.map(() => []);
  for (const r of rejected) audit[r.index] = [rejectionRow(w, events[r.index] as PendingUsage, r)];
  for (const a of accepted) audit[a.index] = recordedRows(w, events[a.index] as PendingUsage, a);
  await writeBatch(w, accepted, audit.flat());

  const outcomes = new Map<number, UsageOutcome>();
  for (const r of rejected) outcomes.set(r.index, { outcome: 'rejected', violation: r.violation });
  for (const a of accepted) {
    outcomes.set(a.index, {
      outcome: 'recorded',
      usageEvent: toUsageEventView(a.row),
      subscriptionId: a.line.subscription.id,
      subscriptionState: a.blocks ? 'blocked' : 'active',
      balance: a.balance ? toBalanceView(a.balance) : null,
      blocked: a.blocks,
    });
  }
  for (const d of duplicates) {
    const balance = d.usage.ratedAllowanceType ? (d.line.balances.get(d.usage.ratedAllowanceType) ?? null) : null;
    outcomes.set(d.index, {
      outcome: 'duplicate',
      usageEvent: toUsageEventView(d.usage),
      subscriptionId: d.usage.subscriptionId,
      subscriptionState: d.line.subscription.state,
      balance: balance ? toBalanceView(balance) : null,
      blocked: false,
    });
  }
  return events.map((_, index) => {
    const outcome = outcomes.get(index);
    if (!outcome) throw new Error('every usage event gets an outcome');
    return outcome;
  });
}

// ── Round trip 1: lock the lines, read what was already recorded, reserve usage ids ──────────

interface LoadedBatch {
  lines: Map<string, Line>;
  seen: Map<string, UsageEventEntity>;
  /** `UE-000001`…, one per event (a rejected event leaves a gap, as any rolled-back id does). */
  ids: string[];
}

interface LineJson {
  id: string;
  tenant_id: string;
  customer_id: string;
  offering_id: string;
  msisdn: string;
  state: SubscriptionState;
  state_reason: string | null;
  price_currency: string;
  updated_at: string;
  overlay_until: string | null;
  b_id: string;
  allowance_type: AllowanceType;
  total: number;
  consumed: number;
  unit: AllowanceUnit;
  period_start: string;
  period_end: string;
  b_updated_at: string;
}

interface UsageJson {
  id: string;
  tenant_id: string;
  event_id: string;
  subscription_id: string;
  offering_id: string;
  msisdn: string;
  event_type: UsageEventType;
  event_time: string;
  quantity: number;
  unit: string;
  source: string;
  raw_cdr_ref: string | null;
  roaming_indicator: boolean;
  rated_allowance_type: AllowanceType | null;
  consumed_quantity: number;
  charge_amount: number;
  processed: boolean;
  received_at: string;
}

async function loadBatch(w: WriteScope, events: readonly PendingUsage[]): Promise<LoadedBatch> {
  const msisdns = [...new Set(events.map((e) => e.msisdn))];
  const eventIds = events.map((e) => e.eventId).filter((id): id is string => id !== null);
  const [row] = (await w.tx.query(
    `with locked as (
       select s.id, s.tenant_id, s.customer_id, s.offering_id, s.msisdn, s.state, s.state_reason, s.price_currency, s.updated_at,
              (select max(v.expires_at) from subscription.vas_purchase v
                where v.subscription_id = s.id and v.allowance_type = 'data' and v.allowance_added = -1 and v.expires_at > $4) as overlay_until,
              b.id as b_id, b.allowance_type, b.total, b.consumed, b.unit, b.period_start, b.period_end, b.updated_at as b_updated_at
         from subscription.subscription s
         join subscription.bundle_balance b on b.subscription_id = s.id
        where s.tenant_id = $1 and s.msisdn = any($2::text[]) and s.state <> 'terminated'
        order by s.id, b.id
          for update of s, b
     )
     select (select coalesce(json_agg(l order by l.id, l.b_id), '[]') from locked l) as lines,
            (select coalesce(json_agg(u), '[]') from subscription.usage_event u where u.tenant_id = $1 and u.event_id = any($3::text[])) as seen,
            (select array_agg('UE-' || lpad(n::text, greatest(6, length(n::text)), '0') order by i)
               from (select i, nextval('${USAGE_EVENT_SEQUENCE}') as n from generate_series(1, $5::int) as i) as reserved) as ids`,
    [w.auth.tenant, msisdns, eventIds, w.now, events.length],
  )) as { lines: LineJson[]; seen: UsageJson[]; ids: string[] | null }[];
  if (!row) throw new Error('the batch read returns one row');
  const lines = new Map<string, Line>();
  for (const r of row.lines) {
    let line = lines.get(r.msisdn);
    if (!line) {
      const subscription = w.tx.create(SubscriptionEntity, {
        id: r.id,
        tenantId: r.tenant_id,
        customerId: r.customer_id,
        offeringId: r.offering_id,
        msisdn: r.msisdn,
        state: r.state,
        stateReason: r.state_reason,
        priceCurrency: r.price_currency,
        updatedAt: new Date(r.updated_at),
      });
      line = { subscription, balances: new Map(), overlayUntil: r.overlay_until ? new Date(r.overlay_until) : null };
      lines.set(r.msisdn, line);
    }
    line.balances.set(
      r.allowance_type,
      w.tx.create(BundleBalanceEntity, {
        id: r.b_id,
        tenantId: r.tenant_id,
        subscriptionId: r.id,
        allowanceType: r.allowance_type,
        total: r.total,
        consumed: r.consumed,
        unit: r.unit,
        periodStart: new Date(r.period_start),
        periodEnd: new Date(r.period_end),
        updatedAt: new Date(r.b_updated_at),
      }),
    );
  }
  const seen = new Map(row.seen.map((u) => [u.event_id, usageFromJson(w, u)]));
  return { lines, seen, ids: row.ids ?? [] };
}

function usageFromJson(w: WriteScope, u: UsageJson): UsageEventEntity {
  return w.tx.create(UsageEventEntity, {
    id: u.id,
    tenantId: u.tenant_id,
    eventId: u.event_id,
    subscriptionId: u.subscription_id,
    offeringId: u.offering_id,
    msisdn: u.msisdn,
    eventType: u.event_type,
    eventTime: new Date(u.event_time),
    quantity: u.quantity,
    unit: u.unit,
    source: u.source,
    rawCdrRef: u.raw_cdr_ref,
    roamingIndicator: u.roaming_indicator,
    ratedAllowanceType: u.rated_allowance_type,
    consumedQuantity: u.consumed_quantity,
    chargeAmount: Number(u.charge_amount).toFixed(2),
    processed: u.processed,
    receivedAt: new Date(u.received_at),
  });
}

function usageRow(
  w: WriteScope,
  event: PendingUsage,
  sub: SubscriptionEntity,
  id: string,
  ratedAllowanceType: AllowanceType | null,
  consumedQuantity: number,
): UsageEventEntity {
  return w.tx.create(UsageEventEntity, {
    id,
    tenantId: sub.tenantId,
    eventId: event.eventId ?? randomUUID(),
    subscriptionId: sub.id,
    offeringId: sub.offeringId,
    msisdn: event.msisdn,
    eventType: event.eventType,
    eventTime: event.eventTime ?? w.now,
    quantity: event.quantity,
    unit: event.unit,
    source: event.source,
    rawCdrRef: event.rawCdrRef,
    roamingIndicator: event.roamingIndicator,
    ratedAllowanceType,
    consumedQuantity,
    chargeAmount: '0.00',
    processed: true,
    receivedAt: w.now,
  });
}

// ── Round trips 2 and 3: usage rows and balances in one statement, then the audit rows ────────────

/**
 * Writes the batch: usage rows and the balances they consumed in one statement, then every audit
 * row in one multi-row insert, each stamped with its event's own identity. Usage arrives by the
 * thousand per second and one insert per CDR and event was the rating bottleneck.
 */
async function writeBatch(w: WriteScope, accepted: readonly Accepted[], audit: readonly AuditRow[]): Promise<void> {
  const rows = accepted.map((a) => a.row);
  const dirty = [...new Map(accepted.filter((a) => a.balance && a.row.consumedQuantity > 0).map((a) => [a.balance?.id ?? '', a.balance as BundleBalanceEntity])).values()];
  const usage = <T>(pick: (r: UsageEventEntity) => T) => rows.map(pick);
  const [result] = (await w.tx.query(
    `with usage_rows as (
       insert into subscription.usage_event
         (id, tenant_id, event_id, subscription_id, offering_id, msisdn, event_type, event_time, quantity, unit, source, raw_cdr_ref,
          roaming_indicator, rated_allowance_type, consumed_quantity, charge_amount, processed, received_at)
       select id, tenant_id, event_id, subscription_id, offering_id, msisdn, event_type, event_time, quantity, unit, source, raw_cdr_ref,
              roaming_indicator, rated_allowance_type, consumed_quantity, 0, true, $1
         from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::int[],
                     $11::text[], $12::text[], $13::text[], $14::boolean[], $15::text[], $16::int[])
           as u(id, tenant_id, event_id, subscription_id, offering_id, msisdn, event_type, event_time, quantity, unit, source, raw_cdr_ref,
                roaming_indicator, rated_allowance_type, consumed_quantity)
       on conflict (tenant_id, event_id) do nothing
       returning id
     ), balances as (
       update subscription.bundle_balance b set consumed = v.consumed, updated_at = $1
         from unnest($17::text[], $18::int[]) as v(id, consumed) where b.id = v.id
       returning b.id
     )
     select (select count(*) from usage_rows)::int as inserted`,
    [
      w.now,
      usage((r) => r.id),
      usage((r) => r.tenantId),
      usage((r) => r.eventId),
      usage((r) => r.subscriptionId),
      usage((r) => r.offeringId),
      usage((r) => r.msisdn),
      usage((r) => r.eventType),
      usage((r) => r.eventTime),
      usage((r) => r.quantity),
      usage((r) => r.unit),
      usage((r) => r.source),
      usage((r) => r.rawCdrRef),
      usage((r) => r.roamingIndicator),
      usage((r) => r.ratedAllowanceType),
      usage((r) => r.consumedQuantity),
      dirty.map((b) => b.id),
      dirty.map((b) => b.consumed),
    ],
  )) as { inserted: number }[];
  if ((result?.inserted ?? 0) !== rows.length) throw new UsageBatchConflict('a usage event id was recorded concurrently on another line');
  await w.emitMany(audit.map((r) => ({ ...r.event, auth: r.auth })));
}

async function recordBlock(w: WriteScope, sub: SubscriptionEntity): Promise<void> {
  await recordHistory(w, sub, 'active', 'exhaust', 'exhausted');
  await w.tx.update(SubscriptionEntity, { id: sub.id }, { state: sub.state, stateReason: sub.stateReason, updatedAt: w.now });
}

// ── Audit rows ─────────────────────────────────────────────────────────────────────────────────

function recordedRows(w: WriteScope, event: PendingUsage, a: Accepted): AuditRow[] {
  const sub = a.line.subscription;
  const overlay = a.line.overlayUntil && a.row.ratedAllowanceType === 'data' && a.line.overlayUntil > w.now ? a.line.overlayUntil : null;
  const rows: AuditRow[] = [
    {
      auth: event.auth,
      // Rating is synchronous here, so the mediation record and its rating are one event.
      event: {
        eventType: 'usage.recorded',
        aggregateType: 'usage',
        aggregateId: a.row.id,
        payload: {
          ...usagePayload(event),
          usageEventId: a.row.id,
          subscriptionId: sub.id,
          offeringId: sub.offeringId,
          rated: a.rated,
          allowanceType: a.row.ratedAllowanceType,
          consumedQuantity: a.row.consumedQuantity,
          chargeAmount: a.row.chargeAmount,
          currency: sub.priceCurrency,
          ...(a.rated ? {} : { reason: USAGE_REJECTION_REASONS.noMatchingAllowance }),
          ...(overlay ? { unlimitedOverlayUntil: overlay.toISOString() } : {}),
        },
      },
    },
  ];
  if (a.blocks && a.balance) {
    rows.push(
      {
        auth: event.auth,
        event: {
          eventType: 'subscription.exhausted',
          aggregateType: 'subscription',
          aggregateId: sub.id,
          payload: { subscriptionId: sub.id, allowanceType: 'data', consumed: a.balance.consumed, total: a.balance.total, triggeringUsageEventId: a.row.id },
        },
      },
      { auth: event.auth, event: { eventType: 'subscription.blocked', aggregateType: 'subscription', aggregateId: sub.id, payload: { subscriptionId: sub.id, reason: 'exhausted' } } },
    );
  }
  return rows;
}

function rejectionRow(w: WriteScope, event: PendingUsage, r: Rejected): AuditRow {
  const sub = r.line?.subscription ?? null;
  // The state the check saw: a line blocked earlier in this batch reads as blocked.
  const state = typeof r.violation.context.state === 'string' ? r.violation.context.state : (sub?.state ?? null);
  return {
    auth: event.auth,
    event: {
      eventType: 'usage.rejected',
      aggregateType: sub ? 'subscription' : 'msisdn',
      aggregateId: sub?.id ?? event.msisdn,
      payload: { ...usagePayload(event), subscriptionId: sub?.id ?? null, state, reason: r.reason, rejectedAt: w.now.toISOString() },
    },
  };
}

function usagePayload(event: PendingUsage): Record<string, unknown> {
  return {
    msisdn: event.msisdn,
    eventType: event.eventType,
    eventTime: event.eventTime?.toISOString() ?? null,
    quantity: event.quantity,
    unit: event.unit,
    source: event.source,
    rawCdrRef: event.rawCdrRef,
    roamingIndicator: event.roamingIndicator,
    eventId: event.eventId,
  };
}

function violationOf(check: () => void): PolicyViolation | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof PolicyViolation) return error;
    throw error;
  }
}

/** The PolicyViolation of a check the caller knows fails. */
function violationFrom(check: () => void): PolicyViolation {
  const violation = violationOf(check);
  if (!violation) throw new Error('expected the check to refuse');
  return violation;
}
