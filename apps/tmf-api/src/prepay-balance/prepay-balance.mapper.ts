import type { SubscriptionView, UsageEventView, VasPurchaseView } from '@bss/subscription';
import { InvalidInput } from '@bss/platform';
import { compact, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';

const BASE = TMF_BASE.prepayBalance;

/** A bucket is one allowance of one line: `SUB-0001.data`. */
export function bucketId(subscriptionId: string, allowanceType: string): string {
  return `${subscriptionId}.${allowanceType}`;
}

export function parseBucketId(id: string): { subscriptionId: string; allowanceType: string } {
  const match = /^(SUB-\d{4,})\.([a-z_]+)$/.exec(id);
  if (!match) throw new InvalidInput([{ field: 'bucketId', messages: ['bucketId must look like SUB-0001.data'] }]);
  return { subscriptionId: match[1], allowanceType: match[2] };
}

function productRef(line: SubscriptionView) {
  return { id: line.id, href: `${BASE}/product/${line.id}/bucket`, name: line.msisdn };
}

/** TMF654 BucketBalance per allowance; unlimited (−1) has no remaining number, so it is reported as such. */
export function toBuckets(line: SubscriptionView): TmfResource[] {
  return line.balances.map((b) => {
    const unlimited = b.total < 0;
    return compact({
      id: bucketId(line.id, b.allowanceType),
      href: `${BASE}/bucket/${bucketId(line.id, b.allowanceType)}`,
      '@type': 'BucketBalance',
      name: `${line.msisdn} ${b.allowanceType}`,
      description: unlimited ? `unlimited ${b.allowanceType}` : undefined,
      bucketType: b.allowanceType,
      remainedAmount: { amount: unlimited ? -1 : b.remaining, units: b.unit },
      validFor: compact({ startDateTime: (line.currentPeriodStart ?? line.activatedAt ?? new Date(0)).toISOString(), endDateTime: line.currentPeriodEnd?.toISOString() }),
      status: line.state === 'active' ? 'active' : line.state === 'blocked' ? 'suspended' : 'expired',
      product: [productRef(line)],
      partyAccount: { id: line.customerId, href: `${TMF_BASE.party}/individual/${line.customerId}` },
    });
  });
}

/** TMF654 AccumulatedBalance: the line's buckets of one allowance (`name`), summed; unlimited stays −1. Undefined when the line has none. */
export function toAccumulatedBalance(line: SubscriptionView, name: string): TmfResource | undefined {
  const buckets = toBuckets(line).filter((b) => b.bucketType === name);
  if (buckets.length === 0) return undefined;
  const amounts = buckets.map((b) => b.remainedAmount as { amount: number; units: string });
  const unlimited = amounts.some((a) => a.amount < 0);
  return {
    id: `${line.id}.${name}`,
    href: `${BASE}/accumulatedbalance/${line.id}?name=${encodeURIComponent(name)}`,
    '@type': 'AccumulatedBalance',
    name,
    description: unlimited ? `unlimited ${name}` : `${name} remaining on ${line.msisdn}`,
    totalBalance: { amount: unlimited ? -1 : amounts.reduce((sum, a) => sum + a.amount, 0), units: amounts[0].units },
    bucket: buckets.map((b) => ({ id: b.id, href: b.href })),
    product: [productRef(line)],
    partyAccount: [{ id: line.customerId, href: `${TMF_BASE.party}/individual/${line.customerId}` }],
  };
}

/**
 * TMF654 BalanceActivity: what moved a line's buckets — each top-up (a VAS purchase) and each rated
 * usage event — newest first. Unrated usage touched no bucket and is left out.
 */
export function toBalanceActivities(line: SubscriptionView, purchases: readonly VasPurchaseView[], usage: readonly UsageEventView[]): TmfResource[] {
  const bucketRef = (allowanceType: string) => ({ id: bucketId(line.id, allowanceType), href: `${BASE}/bucket/${bucketId(line.id, allowanceType)}` });
  const common = { product: productRef(line), partyAccount: { id: line.customerId, href: `${TMF_BASE.party}/individual/${line.customerId}` } };
  const topUps = purchases.map((p) => ({
    id: `${p.id}.activity`,
    href: `${BASE}/balanceTopup/${p.id}`,
    '@type': 'BalanceActivity',
    type: 'topup',
    date: p.appliedAt.toISOString(),
    action: { id: p.id, href: `${BASE}/balanceTopup/${p.id}` },
    amount: { amount: p.allowanceAdded, units: p.unit },
    bucketBalance: bucketRef(p.allowanceType),
    ...common,
  }));
  const consumption = usage
    .filter((u) => u.ratedAllowanceType !== null)
    .map((u) => ({
      id: `${u.eventId}.activity`,
      href: `${TMF_BASE.usageConsumption}/usageConsumptionReport/${line.id}`,
      '@type': 'BalanceActivity',
      type: 'usage',
      date: u.eventTime.toISOString(),
      action: { id: u.eventId, href: `${TMF_BASE.usageConsumption}/usageConsumptionReport/${line.id}` },
      amount: { amount: -u.consumedQuantity, units: u.unit },
      bucketBalance: bucketRef(u.ratedAllowanceType!),
      ...common,
    }));
  return [...topUps, ...consumption].sort((a, b) => b.date.localeCompare(a.date));
}

/** TMF654 BalanceTopupStatusType: a VAS purchase is confirmed when it exists (it is applied in the same transaction as its charge). */
export function toBalanceTopupStatus(purchase: VasPurchaseView): { status: string; statusChangeDate: string } {
  return { status: 'confirmed', statusChangeDate: purchase.appliedAt.toISOString() };
}

/** TMF654 BalanceTopupRequest for a VAS purchase (a top-up is always a VAS bought with the card on file). */
export function toBalanceTopup(line: SubscriptionView, purchase: VasPurchaseView, channel?: { id: string; href: string; name?: string }): TmfResource {
  const applied = purchase.appliedAt.toISOString();
  return compact({
    id: purchase.id,
    href: `${BASE}/balanceTopup/${purchase.id}`,
    '@type': 'BalanceTopupRequest',
    type: purchase.vasOfferingId,
    channel: channel ?? { id: 'partner', href: `${BASE}/channel/partner`, name: 'partner' },
    amount: { amount: purchase.allowanceAdded, units: purchase.unit },
    product: productRef(line),
    description: `${purchase.vasOfferingId}: ${purchase.priceAmount} ${purchase.currency} charged to the card on file`,
    isAutoTopup: false,
    paymentMethod: { id: purchase.paymentAttemptId, href: `${BASE}/paymentAttempt/${purchase.paymentAttemptId}`, type: 'bankcard' },
    validFor: compact({ startDateTime: applied, endDateTime: purchase.expiresAt?.toISOString() }),
    requestedDate: applied,
    confirmationDate: applied,
    status: 'confirmed',
    bucket: { id: bucketId(line.id, purchase.allowanceType), href: `${BASE}/bucket/${bucketId(line.id, purchase.allowanceType)}` },
    partyAccount: { id: line.customerId, href: `${TMF_BASE.party}/individual/${line.customerId}` },
  });
}

/** BalanceTopupBody → subscription.vas: `type` names the VAS offering (e.g. VAS_DATA_1GB), the product the line. */
export function toVasSubscriptionInput(body: Record<string, unknown>, productIdFromPath?: string): { subscriptionId: string; vasOfferingId: string } {
  const product = body.product as { id?: unknown } | undefined;
  const subscriptionId = productIdFromPath ?? product?.id;
  if (typeof subscriptionId !== 'string') throw new InvalidInput([{ field: 'product.id', messages: ['product.id must name the line, e.g. SUB-0001'] }]);
  if (typeof body.type !== 'string') throw new InvalidInput([{ field: 'type', messages: ['type must name a top-up offering, e.g. VAS_DATA_1GB'] }]);
  return { subscriptionId, vasOfferingId: body.type };
}

export function channelOf(body: Record<string, unknown>): { id: string; href: string; name?: string } | undefined {
  const channel = body.channel as { id?: unknown; href?: unknown; name?: unknown } | undefined;
  if (typeof channel?.id !== 'string' || typeof channel.href !== 'string') return undefined;
  return compact({ id: channel.id, href: channel.href, name: typeof channel.name === 'string' ? channel.name : undefined });
}
