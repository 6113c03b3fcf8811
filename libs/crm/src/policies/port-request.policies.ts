import { PolicyViolation } from '@bss/platform';
import { CRM_RULES } from '#crm/crm.errors';
import { PORT_DIRECTIONS, type PortDirection } from '#crm/domain/crm.values';

/** port.create.direction_valid. */
export function assertPortDirection(direction: string): PortDirection {
  if (!(PORT_DIRECTIONS as readonly string[]).includes(direction)) {
    throw new PolicyViolation(CRM_RULES.portDirectionValid, `Direction must be port_in or port_out, not "${direction}"`, {
      direction,
      allowed: [...PORT_DIRECTIONS],
    });
  }
  return direction as PortDirection;
}

/** port.create.target_sub_required_for_port_out: a port-out takes an existing line away. */
export function assertPortOutHasTarget(direction: PortDirection, targetSubscriptionId: string | null | undefined): void {
  if (direction === 'port_out' && !targetSubscriptionId) {
    throw new PolicyViolation(CRM_RULES.portTargetSubRequired, 'A port-out needs the target subscription it takes the number from', {});
  }
}

/** port.create.donor_msisdn_unique_among_pending: one live request per donor number. */
export function assertDonorNumberFree(donorMsisdn: string, liveRequestId: string | null): void {
  if (liveRequestId) {
    throw new PolicyViolation(CRM_RULES.portDonorUnique, `${donorMsisdn} already has a live port request ${liveRequestId}`, {
      donorMsisdn,
      existingPortRequestId: liveRequestId,
    });
  }
}

/** port.reject.requires_reason: the donor and the customer are told why. */
export function assertRejectionReason(portRequest: { id: string }, reason: string | null | undefined): string {
  const text = reason?.trim();
  if (!text) {
    throw new PolicyViolation(CRM_RULES.portRejectRequiresReason, `Rejecting ${portRequest.id} needs a reason`, { portRequestId: portRequest.id });
  }
  return text;
}
