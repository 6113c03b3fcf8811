import type { SubscriptionView, UsageEventView } from '@bss/subscription';
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
