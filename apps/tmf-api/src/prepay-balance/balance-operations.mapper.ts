import { InvalidInput } from '@bss/platform';
import { RESERVATION_VALIDITY_BOUNDS, SUBSCRIPTION_ID_PATTERN, UNIT_OF_ALLOWANCE, type AllowanceType, type AllowanceUnit, type BalanceAdjustmentView, type BalanceReservationView, type BalanceTransferView, type BalanceView, type SubscriptionView } from '@bss/subscription';
import { compact, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { bucketId, parseBucketId } from './prepay-balance.mapper';

const BASE = TMF_BASE.prepayBalance;
const ALLOWANCE_TYPES = Object.keys(UNIT_OF_ALLOWANCE) as AllowanceType[];

// TMF654 adjustment and transfer bodies onto subscription.adjust_balance / transfer_balance:
// `type` names the bucket (data, voice, sms, data_roaming — the official text: "determines the
// prepay balance bucket"), `amount` is signed in the bucket's unit (mb, minutes, count; any case),
// `product.id` (or the path) is the line, and a transfer's `targetId` the receiving line (its
// SUB-… id or its MSISDN).

function field(field: string, message: string): InvalidInput {
  return new InvalidInput([{ field, messages: [message] }]);
}

function bucketOf(body: Record<string, unknown>): { allowanceType: AllowanceType; quantity: number; unit: AllowanceUnit } {
  if (typeof body.type !== 'string' || !ALLOWANCE_TYPES.includes(body.type as AllowanceType)) throw field('type', `type must name the bucket: one of ${ALLOWANCE_TYPES.join(', ')}`);
  const amount = body.amount as { amount?: unknown; units?: unknown } | undefined;
  if (typeof amount?.amount !== 'number' || !Number.isInteger(amount.amount)) throw field('amount.amount', 'amount.amount must be a whole number in the bucket unit');
  if (typeof amount.units !== 'string') throw field('amount.units', 'amount.units must name the unit: mb, minutes or count');
  return { allowanceType: body.type as AllowanceType, quantity: amount.amount, unit: amount.units.toLowerCase() as AllowanceUnit };
}

function reasonOf(body: Record<string, unknown>): string {
  if (typeof body.reason !== 'string') throw field('reason', 'reason must say why, in 3–200 characters');
  return body.reason;
}

function lineOf(body: Record<string, unknown>, productIdFromPath?: string): string {
  const product = body.product as { id?: unknown } | undefined;
  const id = productIdFromPath ?? product?.id;
  if (typeof id !== 'string') throw field('product.id', 'product.id must name the line, e.g. SUB-0001');
  return id;
}

/** BalanceAdjustmentBody → subscription.adjust_balance. */
export function toAdjustBalanceInput(body: Record<string, unknown>, productIdFromPath?: string) {
  return { subscriptionId: lineOf(body, productIdFromPath), reason: reasonOf(body), ...bucketOf(body) };
}

/** BalanceTransferBody → subscription.transfer_balance; `targetId` still to be resolved when it is an MSISDN. */
export function toTransferBalanceInput(body: Record<string, unknown>, productIdFromPath?: string) {
  if (typeof body.targetId !== 'string' || body.targetId === '') throw field('targetId', 'targetId must name the receiving line: its SUB-… id or its MSISDN');
  const channel = body.channel as { id?: unknown; href?: unknown } | undefined;
  if (typeof channel?.id !== 'string' || typeof channel.href !== 'string') throw field('channel', 'channel must carry id and href');
  // The official body has no reason; a transfer records one, so an absent reason reads as the channel's request.
  const reason = typeof body.reason === 'string' ? body.reason : `requested through ${channel.id}`;
  return { fromSubscriptionId: lineOf(body, productIdFromPath), target: body.targetId, reason, ...bucketOf(body) };
}

export function isLineId(id: string): boolean {
  return SUBSCRIPTION_ID_PATTERN.test(id);
}

function productRef(id: string, line?: SubscriptionView) {
  return compact({ id, href: `${BASE}/product/${id}/bucket`, name: line?.msisdn });
}

function requestor(record: { actor: string; serviceIdentity: string }) {
  return { id: record.actor, role: 'requestor', name: record.serviceIdentity };
}

/** TMF654 BalanceAdjustmentRequest. */
export function toBalanceAdjustment(line: SubscriptionView, a: BalanceAdjustmentView): TmfResource {
  return {
    id: a.id,
    href: `${BASE}/balanceAdjustment/${a.id}`,
    '@type': 'BalanceAdjustmentRequest',
    type: a.allowanceType,
    reason: a.reason,
    amount: { amount: a.quantity, units: a.unit },
    description: `${a.quantity > 0 ? 'credit' : 'debit'} of ${Math.abs(a.quantity)} ${a.unit} ${a.allowanceType} on ${line.msisdn}`,
    product: productRef(line.id, line),
    requestor: requestor(a),
    requestedDate: a.createdAt.toISOString(),
    bucket: { id: bucketId(line.id, a.allowanceType), href: `${BASE}/bucket/${bucketId(line.id, a.allowanceType)}` },
    partyAccount: { id: line.customerId, href: `${TMF_BASE.party}/individual/${line.customerId}` },
  };
}

/** TMF654 BalanceTransferRequest: applied when made, so `confirmed` with the request's own date. */
export function toBalanceTransfer(from: SubscriptionView, t: BalanceTransferView): TmfResource {
  const at = t.createdAt.toISOString();
  return {
    id: t.id,
    href: `${BASE}/balanceTransfer/${t.id}`,
    '@type': 'BalanceTransferRequest',
    type: t.allowanceType,
    channel: { id: t.serviceIdentity, href: `${BASE}/channel/${t.serviceIdentity}`, name: t.channel },
    targetId: t.toSubscriptionId,
    amount: { amount: t.quantity, units: t.unit },
    reason: t.reason,
    description: `${t.quantity} ${t.unit} ${t.allowanceType} from ${t.fromSubscriptionId} to ${t.toSubscriptionId}`,
    requestor: requestor(t),
    receiver: { id: t.toSubscriptionId, role: 'receiver', name: t.toSubscriptionId },
    targetType: t.allowanceType,
    requestedDate: at,
    confirmationDate: at,
    status: 'confirmed',
    product: productRef(t.fromSubscriptionId, from),
    bucket: { id: bucketId(t.fromSubscriptionId, t.allowanceType), href: `${BASE}/bucket/${bucketId(t.fromSubscriptionId, t.allowanceType)}` },
    partyAccount: { id: from.customerId, href: `${TMF_BASE.party}/individual/${from.customerId}` },
  };
}

/** BalanceTopupStatusTypeModify / BalanceTransferStatusTypeModify: `{status}`. */
export function requestedStatus(body: Record<string, unknown>): string {
  if (typeof body.status !== 'string' || body.status === '') throw field('status', 'status is required, e.g. confirmed');
  return body.status;
}

/** The bucket each unit names when a reserve body gives only the line. */
const HOME_BUCKET_OF_UNIT: Readonly<Record<AllowanceUnit, AllowanceType>> = { mb: 'data', minutes: 'voice', count: 'sms' };

function relatedPartyOf(body: Record<string, unknown>): { role: string; name: string; id?: string } {
  const party = body.relatedParty as { role?: unknown; name?: unknown; id?: unknown } | undefined;
  if (typeof party?.role !== 'string' || typeof party.name !== 'string') throw field('relatedParty', 'relatedParty must carry role and name (who asks, e.g. the charging system)');
  return compact({ role: party.role, name: party.name, id: typeof party.id === 'string' ? party.id : undefined });
}

function requestIdOf(body: Record<string, unknown>): string {
  if (typeof body.id !== 'string' || body.id === '' || body.id.length > 100) throw field('id', "id must be the charging system's id for this request (1–100 characters)");
  return body.id;
}

function reservationRefOf(body: Record<string, unknown>): string {
  const ref = body.balanceReserve as { id?: unknown } | undefined;
  if (typeof ref?.id !== 'string') throw field('balanceReserve.id', 'balanceReserve.id must name the reservation, e.g. RSV-1a2b3c4d');
  return ref.id;
}

/**
 * BalanceReserveRequest `validFor` → `validForSeconds`: the hold lives as long as the period is long
 * (end − start), counted from when we confirm it — a duration like Diameter Gy's Validity-Time, so
 * the charging system's clock never has to agree with ours. Absent: the verb's default (15 minutes).
 */
function validForSecondsOf(body: Record<string, unknown>): { validForSeconds?: number } {
  if (body.validFor === undefined) return {};
  const period = body.validFor as { startDateTime?: unknown; endDateTime?: unknown } | null;
  const { min, max } = RESERVATION_VALIDITY_BOUNDS;
  const message = `validFor must carry startDateTime and endDateTime (date-time) ${min} to ${max} whole seconds apart: how long the hold lives`;
  if (typeof period?.startDateTime !== 'string' || typeof period.endDateTime !== 'string') throw field('validFor', message);
  const milliseconds = Date.parse(period.endDateTime) - Date.parse(period.startDateTime);
  const seconds = milliseconds / 1000;
  if (!Number.isInteger(seconds) || seconds < min || seconds > max) throw field('validFor', message);
  return { validForSeconds: seconds };
}

/**
 * BalanceReserveBody → subscription.reserve_balance. The official body names no bucket; ours takes
 * `bucket.id` (`SUB-0001.data`) or `product.id` with the unit's home bucket (mb → data), and the
 * hold's lifetime from `validFor` (a BalanceReserveRequest attribute) when given.
 */
export function toReserveBalanceInput(body: Record<string, unknown>) {
  const requestRef = requestIdOf(body);
  const validity = validForSecondsOf(body);
  relatedPartyOf(body);
  const amount = body.reservedAmount as { amount?: unknown; units?: unknown } | undefined;
  if (typeof amount?.amount !== 'number' || !Number.isInteger(amount.amount)) throw field('reservedAmount.amount', 'reservedAmount.amount must be a whole number in the bucket unit');
  if (typeof amount.units !== 'string') throw field('reservedAmount.units', 'reservedAmount.units must name the unit: mb, minutes or count');
  const unit = amount.units.toLowerCase() as AllowanceUnit;
  const bucket = body.bucket as { id?: unknown } | undefined;
  const product = body.product as { id?: unknown } | undefined;
  if (typeof bucket?.id === 'string') {
    const { subscriptionId, allowanceType } = parseBucketId(bucket.id);
    return { subscriptionId, allowanceType: allowanceType as AllowanceType, quantity: amount.amount, unit, requestRef, ...validity };
  }
  if (typeof product?.id !== 'string') throw field('bucket.id', 'bucket.id (e.g. SUB-0001.data) or product.id must name what to reserve on');
  const allowanceType = HOME_BUCKET_OF_UNIT[unit];
  if (!allowanceType) throw field('reservedAmount.units', 'reservedAmount.units must name the unit: mb, minutes or count');
  return { subscriptionId: product.id, allowanceType, quantity: amount.amount, unit, requestRef, ...validity };
}

/** BalanceUnreserveBody → subscription.release_reservation. */
export function toReleaseReservationInput(body: Record<string, unknown>): { reservationId: string; party: { role: string; name: string } } {
  requestIdOf(body);
  return { reservationId: reservationRefOf(body), party: relatedPartyOf(body) };
}

/** BalanceDeductBody → subscription.deduct_reservation; `deductAmount` (from BalanceDeductRequest) deducts part of the hold. */
export function toDeductReservationInput(body: Record<string, unknown>): { reservationId: string; reason: string; quantity?: number; party: { role: string; name: string } } {
  requestIdOf(body);
  const amount = body.deductAmount as { amount?: unknown } | undefined;
  if (amount !== undefined && (typeof amount?.amount !== 'number' || !Number.isInteger(amount.amount))) throw field('deductAmount.amount', 'deductAmount.amount must be a whole number in the bucket unit');
  return { reservationId: reservationRefOf(body), reason: reasonOf(body), party: relatedPartyOf(body), ...(amount ? { quantity: amount.amount as number } : {}) };
}

function reservationCommon(line: SubscriptionView, r: BalanceReservationView) {
  return {
    product: productRef(line.id, line),
    bucket: { id: bucketId(line.id, r.allowanceType), href: `${BASE}/bucket/${bucketId(line.id, r.allowanceType)}` },
    balanceReserve: { id: r.id, href: `${BASE}/balanceReserve/${r.id}` },
  };
}

function remainingOf(line: SubscriptionView, allowanceType: AllowanceType, unit: string) {
  const bucket: BalanceView | undefined = line.balances.find((b) => b.allowanceType === allowanceType);
  return { amount: bucket?.remaining ?? 0, units: unit };
}

/**
 * TMF654 BalanceReserveRequest: `id` is ours (RSV-…); the charging system's request id is kept in the description.
 * `validFor` runs from the hold's creation to its expiry; `isAutoDeduct: false` says what happens then: the
 * hold is unreserved (back to the bucket by `subscription.expire_reservations`), never deducted.
 */
export function toBalanceReserve(line: SubscriptionView, r: BalanceReservationView, party: { role: string; name: string }): TmfResource {
  const { balanceReserve: _self, ...common } = reservationCommon(line, r);
  return compact({
    id: r.id,
    href: `${BASE}/balanceReserve/${r.id}`,
    '@type': 'BalanceReserveRequest',
    type: r.allowanceType,
    description: r.requestRef ? `held for ${r.requestRef}` : undefined,
    relatedParty: party,
    requestor: requestor(r),
    reservedAmount: { amount: r.quantity, units: r.unit },
    remainedAmount: remainingOf(line, r.allowanceType, r.unit),
    isAutoDeduct: false,
    validFor: { startDateTime: r.createdAt.toISOString(), endDateTime: r.expiresAt.toISOString() },
    requestedDate: r.createdAt.toISOString(),
    confirmationDate: r.createdAt.toISOString(),
    ...common,
    partyAccount: { id: line.customerId, href: `${TMF_BASE.party}/individual/${line.customerId}` },
  });
}

/** TMF654 BalanceUnreserveRequest for a released reservation. */
export function toBalanceUnreserve(line: SubscriptionView, r: BalanceReservationView, party: { role: string; name: string }): TmfResource {
  return {
    id: `${r.id}.release`,
    href: `${BASE}/balanceReserve/${r.id}`,
    '@type': 'BalanceUnreserveRequest',
    relatedParty: party,
    description: `${r.quantity} ${r.unit} ${r.allowanceType} back on ${line.msisdn}`,
    requestedDate: (r.closedAt ?? r.createdAt).toISOString(),
    ...reservationCommon(line, r),
  };
}

/** TMF654 BalanceDeductRequest for a deducted reservation. */
export function toBalanceDeduct(line: SubscriptionView, r: BalanceReservationView, party: { role: string; name: string }, reason: string): TmfResource {
  const at = (r.closedAt ?? r.createdAt).toISOString();
  return {
    id: `${r.id}.deduct`,
    href: `${BASE}/balanceReserve/${r.id}`,
    '@type': 'BalanceDeductRequest',
    type: r.allowanceType,
    reason,
    relatedParty: party,
    requestor: requestor(r),
    deductAmount: { amount: r.deductedQuantity ?? 0, units: r.unit },
    description: `rated as usage ${r.usageEventId}`,
    requestedDate: at,
    confirmationDate: at,
    ...reservationCommon(line, r),
    partyAccount: { id: line.customerId, href: `${TMF_BASE.party}/individual/${line.customerId}` },
  };
}
