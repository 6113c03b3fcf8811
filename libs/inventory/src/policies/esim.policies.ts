import { PolicyViolation } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { INVENTORY_RULES } from '#inventory/inventory.errors';
import { ESIM_TRANSITIONS, type EsimState, type EsimTrigger } from '#inventory/domain/esim.state';
import type { MsisdnStatus } from '#inventory/domain/msisdn.state';

const RULE_BY_TRIGGER: Record<EsimTrigger, string> = {
  reserve: INVENTORY_RULES.esimReserveStatusMustBeAvailable,
  assign_msisdn: INVENTORY_RULES.esimAssignMsisdnEsimMustBeReserved,
  release: INVENTORY_RULES.esimReleaseOnlyIfReservedOrAssigned,
  download: INVENTORY_RULES.esimTransitionInvalid,
  activate: INVENTORY_RULES.esimTransitionInvalid,
  suspend: INVENTORY_RULES.esimTransitionInvalid,
  recycle: INVENTORY_RULES.esimTransitionInvalid,
};

export interface EsimFacts {
  iccid: string;
  profileState: EsimState;
  /** Set once the profile was bound to a line (handed to a customer). */
  issuedAt: Date | null;
  assignedToSubscriptionId: string | null;
}

export function esimTransition(iccid: string, state: EsimState, trigger: EsimTrigger): EsimState {
  return assertTransition(ESIM_TRANSITIONS, state, trigger, RULE_BY_TRIGGER[trigger], { type: 'esim', id: iccid });
}

/** Only a profile that never reached a customer goes back to the shelf. */
export function assertEsimReleasable(esim: EsimFacts): EsimState {
  const next = esimTransition(esim.iccid, esim.profileState, 'release');
  if (esim.issuedAt) {
    throw new PolicyViolation(INVENTORY_RULES.esimReleaseNeverIssued, `eSIM ${esim.iccid} was issued to ${esim.assignedToSubscriptionId}; retire (recycle) it instead`, {
      iccid: esim.iccid,
      assignedToSubscriptionId: esim.assignedToSubscriptionId,
    });
  }
  return next;
}

/** A profile that reached a customer is recycled, whatever state the device got it to. */
export function assertEsimRecyclable(esim: EsimFacts): EsimState {
  if (esim.profileState === 'reserved' && !esim.issuedAt) {
    throw new PolicyViolation(INVENTORY_RULES.esimRecycleOnlyIfIssued, `eSIM ${esim.iccid} was never issued; release it instead`, { iccid: esim.iccid });
  }
  return esimTransition(esim.iccid, esim.profileState, 'recycle');
}

/** Binding a profile to a number: both must be held for this line, and the profile not yet someone else's. */
export function assertEsimCanBind(esim: EsimFacts, msisdn: { msisdn: string; status: MsisdnStatus }, subscriptionId: string): EsimState {
  const next = esimTransition(esim.iccid, esim.profileState, 'assign_msisdn');
  if (esim.issuedAt && esim.assignedToSubscriptionId !== subscriptionId) {
    throw new PolicyViolation(INVENTORY_RULES.esimAssignMsisdnEsimMustBeReserved, `eSIM ${esim.iccid} is already issued to ${esim.assignedToSubscriptionId}`, {
      iccid: esim.iccid,
      assignedToSubscriptionId: esim.assignedToSubscriptionId,
      subscriptionId,
    });
  }
  if (msisdn.status !== 'reserved' && msisdn.status !== 'assigned') {
    throw new PolicyViolation(INVENTORY_RULES.esimAssignMsisdnMsisdnMustBeReserved, `MSISDN ${msisdn.msisdn} is ${msisdn.status}, not reserved`, {
      iccid: esim.iccid,
      msisdn: msisdn.msisdn,
      status: msisdn.status,
    });
  }
  return next;
}
