import { PolicyViolation } from '@bss/platform';
import { SIGNUP_RULES } from '#signup/signup.errors';

/** Where a Didit handoff stands, from the latest decision Didit sent for its session. */
export const KYC_HANDOFF_STATES = ['pending_kyc_handoff', 'approved', 'failed'] as const;
export type KycHandoffState = (typeof KYC_HANDOFF_STATES)[number];

/** Declined and Expired end the attempt (the customer may start a new one); anything else is still in progress. */
export function kycHandoffState(decisionStatus: string | null): KycHandoffState {
  if (decisionStatus === 'Approved') return 'approved';
  if (decisionStatus === 'Declined' || decisionStatus === 'Expired' || decisionStatus === 'Abandoned') return 'failed';
  return 'pending_kyc_handoff';
}

/** signup.kyc_handoff.approved: a didit attestation only after Didit's own signed Approved decision. */
export function assertKycHandoffApproved(signupId: string, sessionId: string | null, decisionStatus: string | null): void {
  if (!sessionId || kycHandoffState(decisionStatus) !== 'approved') {
    throw new PolicyViolation(SIGNUP_RULES.kycHandoffApproved, `Didit has not approved session ${sessionId ?? '(none)'}`, {
      signupId,
      sessionId,
      decision: decisionStatus,
    });
  }
}
