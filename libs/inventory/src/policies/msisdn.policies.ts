import { PolicyViolation } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { INVENTORY_RULES } from '#inventory/inventory.errors';
import { MSISDN_TRANSITIONS, type MsisdnStatus, type MsisdnTrigger } from '#inventory/domain/msisdn.state';

const RULE_BY_TRIGGER: Record<MsisdnTrigger, string> = {
  reserve: INVENTORY_RULES.msisdnReserveStatusMustBeAvailable,
  assign: INVENTORY_RULES.msisdnAssignMustBeReserved,
  release: INVENTORY_RULES.msisdnReleaseOnlyIfReservedOrAssigned,
  quarantine: INVENTORY_RULES.msisdnRetireOnlyIfReservedOrAssigned,
  port_out: INVENTORY_RULES.msisdnPortOutNotPortedOut,
};

/** The MSISDN state after `trigger`, or the trigger's rule as a PolicyViolation. */
export function msisdnTransition(msisdn: string, status: MsisdnStatus, trigger: MsisdnTrigger): MsisdnStatus {
  return assertTransition(MSISDN_TRANSITIONS, status, trigger, RULE_BY_TRIGGER[trigger], { type: 'msisdn', id: msisdn });
}

/** A ported-out number belongs to another operator now: it never returns to the pool. */
export function assertMsisdnReleasable(msisdn: string, status: MsisdnStatus): MsisdnStatus {
  if (status === 'ported_out') {
    throw new PolicyViolation(INVENTORY_RULES.msisdnReleaseTerminalStatus, `MSISDN ${msisdn} was ported out and can never be released`, { msisdn, status });
  }
  return msisdnTransition(msisdn, status, 'release');
}

/** Assign is repeatable for the same line (activation replays) but never steals another line's number. */
export function assertMsisdnAssignable(
  row: { msisdn: string; status: MsisdnStatus; assignedToSubscriptionId: string | null },
  subscriptionId: string,
): MsisdnStatus {
  const next = msisdnTransition(row.msisdn, row.status, 'assign');
  if (row.status === 'assigned' && row.assignedToSubscriptionId !== subscriptionId) {
    throw new PolicyViolation(INVENTORY_RULES.msisdnAssignMustBeReserved, `MSISDN ${row.msisdn} is already assigned to ${row.assignedToSubscriptionId}`, {
      msisdn: row.msisdn,
      assignedToSubscriptionId: row.assignedToSubscriptionId,
      subscriptionId,
    });
  }
  return next;
}

export const RANGE_PREFIX_DIGITS = { min: 4, max: 7 } as const;
export const RANGE_COUNT = { min: 1, max: 10_000 } as const;

/** `prefix + 4-digit index`: a 4–7 digit prefix and 1..10000 numbers keep every number 8–11 digits. */
export function assertSaneRange(prefix: string, count: number): void {
  const prefixOk = new RegExp(`^\\d{${RANGE_PREFIX_DIGITS.min},${RANGE_PREFIX_DIGITS.max}}$`).test(prefix);
  const countOk = Number.isInteger(count) && count >= RANGE_COUNT.min && count <= RANGE_COUNT.max;
  if (!prefixOk || !countOk) {
    throw new PolicyViolation(
      INVENTORY_RULES.msisdnAddRangeSanePrefix,
      `A range needs a prefix of ${RANGE_PREFIX_DIGITS.min}–${RANGE_PREFIX_DIGITS.max} digits and a count of ${RANGE_COUNT.min}..${RANGE_COUNT.max} (got prefix "${prefix}", count ${count})`,
      { prefix, count },
    );
  }
}

/** Low watermark: at or below the threshold the pool needs a new range. */
export function isPoolLow(available: number, threshold: number): boolean {
  return available <= threshold;
}
