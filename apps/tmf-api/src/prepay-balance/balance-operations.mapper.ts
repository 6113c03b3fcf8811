import { InvalidInput } from '@bss/platform';
import { SUBSCRIPTION_ID_PATTERN, UNIT_OF_ALLOWANCE, type AllowanceType, type AllowanceUnit, type BalanceAdjustmentView, type BalanceTransferView, type SubscriptionView } from '@bss/subscription';
import { compact, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { bucketId } from './prepay-balance.mapper';

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
