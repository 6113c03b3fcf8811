import type { SubscriptionView, UsageEventView } from '@bss/subscription';
import type { RequestUsageReportInput, UsageReportRequestView, UsageReportView } from '@bss/tmf';
import { compact, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';

const BASE = TMF_BASE.usageConsumption;

/** TMF677 UsageConsumptionReport of one line (its id is the line's): per allowance, what is left and what was used. */
export function toUsageConsumptionReport(line: SubscriptionView, usage: readonly UsageEventView[], now: Date): TmfResource {
  const period = compact({ startDateTime: line.currentPeriodStart?.toISOString(), endDateTime: line.currentPeriodEnd?.toISOString() });
  const product = { id: line.id, href: `${TMF_BASE.prepayBalance}/product/${line.id}/bucket`, name: line.offeringId, publicIdentifier: line.msisdn, '@type': 'NetworkProduct' };
  return {
    id: line.id,
    href: `${BASE}/usageConsumptionReport/${line.id}`,
    '@type': 'UsageConsumptionReport',
    name: `Usage of ${line.msisdn}`,
    description: `${usage.length} usage event(s) received in the current period`,
    effectiveDate: now.toISOString(),
    relatedParty: { id: line.customerId, href: `${TMF_BASE.party}/individual/${line.customerId}`, role: 'customer', '@referredType': 'Individual' },
    bucket: line.balances.map((b) => ({
      id: `${line.id}.${b.allowanceType}`,
      name: b.allowanceType,
      usageType: b.allowanceType,
      isShared: false,
      '@type': 'UsageVolumeProduct',
      bucketBalance: [{ remainingValueName: b.total < 0 ? 'unlimited' : `${b.remaining} ${b.unit}`, remainingValue: { amount: b.remaining, units: b.unit }, validFor: period }],
      bucketCounter: [{ counterType: 'used', valueName: `${b.consumed} ${b.unit}`, value: { amount: b.consumed, units: b.unit }, consumptionPeriod: period }],
      product: [product],
    })),
  };
}

/** TMF677 UsageConsumptionReportRequest: the line (`product`), the period, its status and, once done, the stored report. */
export function toUsageConsumptionReportRequest(r: UsageReportRequestView): TmfResource {
  return compact({
    id: r.id,
    href: `${BASE}/usageConsumptionReportRequest/${r.id}`,
    '@type': 'UsageConsumptionReportRequest',
    creationDate: r.createdAt.toISOString(),
    lastUpdate: r.lastUpdate.toISOString(),
    status: r.status,
    product: { id: r.subscriptionId, href: `${TMF_BASE.prepayBalance}/product/${r.subscriptionId}/bucket`, '@referredType': 'NetworkProduct' },
    validPeriod: compact({ startDateTime: r.periodStart?.toISOString(), endDateTime: r.periodEnd?.toISOString() }),
    relatedParty: [{ id: r.customerId, href: `${TMF_BASE.party}/individual/${r.customerId}`, role: 'customer', '@referredType': 'Individual' }],
    usageConsumptionReport: r.reportId ? { id: r.reportId, href: `${BASE}/usageConsumptionReport/${r.reportId}` } : undefined,
    // Not in the official schema (additions are allowed): why a failed request failed.
    failure: r.failure ?? undefined,
  });
}

/** A stored report (made by a request): the line's allowances as computed, and what the period's usage events used. */
export function toStoredUsageConsumptionReport(r: UsageReportView): TmfResource {
  const period = compact({ startDateTime: r.periodStart?.toISOString(), endDateTime: r.periodEnd?.toISOString() });
  const product = { id: r.subscriptionId, href: `${TMF_BASE.prepayBalance}/product/${r.subscriptionId}/bucket`, name: r.snapshot.offeringId, publicIdentifier: r.snapshot.msisdn, '@type': 'NetworkProduct' };
  return {
    id: r.id,
    href: `${BASE}/usageConsumptionReport/${r.id}`,
    '@type': 'UsageConsumptionReport',
    name: `Usage of ${r.snapshot.msisdn}`,
    description: `${r.snapshot.usageEvents} usage event(s) in the requested period`,
    effectiveDate: r.computedAt.toISOString(),
    relatedParty: { id: r.customerId, href: `${TMF_BASE.party}/individual/${r.customerId}`, role: 'customer', '@referredType': 'Individual' },
    bucket: r.snapshot.balances.map((b) => ({
      id: `${r.id}.${b.allowanceType}`,
      name: b.allowanceType,
      usageType: b.allowanceType,
      isShared: false,
      '@type': 'UsageVolumeProduct',
      bucketBalance: [{ remainingValueName: b.total < 0 ? 'unlimited' : `${b.remaining} ${b.unit}`, remainingValue: { amount: b.remaining, units: b.unit } }],
      bucketCounter: [{ counterType: 'used', valueName: `${r.snapshot.usedInPeriod[b.allowanceType] ?? 0} ${b.unit}`, value: { amount: r.snapshot.usedInPeriod[b.allowanceType] ?? 0, units: b.unit }, consumptionPeriod: period }],
      product: [product],
    })),
  };
}

/** UsageConsumptionReportRequest_Create → usage_report.request: the line in `product.id`, the period in `validPeriod`. */
export function toRequestUsageReportInput(body: Record<string, unknown>): RequestUsageReportInput {
  const product = body.product as { id?: unknown } | undefined;
  const period = (body.validPeriod ?? {}) as { startDateTime?: unknown; endDateTime?: unknown };
  return compact({ subscriptionId: product?.id, periodStart: period.startDateTime, periodEnd: period.endDateTime }) as unknown as RequestUsageReportInput;
}
