import { PolicyViolation } from '@bss/platform';
import { CRM_RULES } from '#crm/crm.errors';
import type { KycProvider } from '#crm/domain/crm.values';

/** How old an attestation (and a provider's webhook corroborating it) may be. */
export const KYC_ATTESTATION_MAX_AGE_MINUTES = 30;
/** Tolerated clock skew between the channel that verified and our clock. */
export const KYC_ATTESTATION_MAX_SKEW_MINUTES = 5;

/** customer.attest_kyc.document_required: a raw number, or its last4 + hash computed by the channel. */
export function assertDocumentProvided(input: { documentNumber?: string; documentNumberLast4?: string; documentNumberHash?: string }): void {
  const hasRaw = !!input.documentNumber?.trim();
  const hasDigest = !!input.documentNumberLast4 && !!input.documentNumberHash;
  if (!hasRaw && !hasDigest) {
    throw new PolicyViolation(CRM_RULES.kycDocumentRequired, 'Give documentNumber, or documentNumberLast4 with documentNumberHash', {});
  }
}

/** What a provider's webhook said about a verification (see KycCorroborationPort). */
export interface KycCorroboration {
  provider: string;
  status: string;
  receivedAt: Date;
}

export interface AttestationFacts {
  provider: KycProvider;
  attestationPayload: Record<string, unknown>;
  verifiedAt: Date;
  now: Date;
  /** BSS_KYC_ALLOW_PREBAKED: self-signed attestations from the channel layer are trusted. */
  allowPrebaked: boolean;
  corroborationId?: string;
  /** The provider's webhook record for `corroborationId`, when one was found. */
  corroboration: KycCorroboration | null;
}

export type UntrustedReason =
  | 'prebaked_not_allowed'
  | 'signature_missing'
  | 'stale'
  | 'verified_in_future'
  | 'corroboration_missing'
  | 'corroboration_not_approved'
  | 'corroboration_stale';

function untrusted(reason: UntrustedReason, message: string, facts: AttestationFacts): PolicyViolation {
  return new PolicyViolation(CRM_RULES.kycAttestationTrusted, message, { reason, provider: facts.provider });
}

/**
 * customer.attest_kyc.attestation_signature_valid: BSS records attestations, it never verifies
 * identities itself, so it accepts only what it can trust — a fresh attestation that is either
 * signed by the channel (prebaked/myinfo, outside production) or corroborated by the provider's
 * own approved webhook (didit).
 */
export function assertAttestationTrusted(facts: AttestationFacts): void {
  const maxAgeMs = KYC_ATTESTATION_MAX_AGE_MINUTES * 60_000;
  if (facts.verifiedAt.getTime() > facts.now.getTime() + KYC_ATTESTATION_MAX_SKEW_MINUTES * 60_000) {
    throw untrusted('verified_in_future', `Attestation verifiedAt ${facts.verifiedAt.toISOString()} is in the future`, facts);
  }
  if (facts.now.getTime() - facts.verifiedAt.getTime() > maxAgeMs) {
    throw untrusted('stale', `Attestation is older than ${KYC_ATTESTATION_MAX_AGE_MINUTES} minutes`, facts);
  }
  if (facts.provider === 'didit') {
    if (!facts.corroborationId || !facts.corroboration || facts.corroboration.provider !== 'didit') {
      throw untrusted('corroboration_missing', 'A didit attestation needs a corroborationId of a didit webhook we received', facts);
    }
    if (facts.corroboration.status !== 'Approved') {
      throw untrusted('corroboration_not_approved', `The didit webhook says ${facts.corroboration.status}, not Approved`, facts);
    }
    if (facts.now.getTime() - facts.corroboration.receivedAt.getTime() > maxAgeMs) {
      throw untrusted('corroboration_stale', `The didit webhook is older than ${KYC_ATTESTATION_MAX_AGE_MINUTES} minutes`, facts);
    }
    return;
  }
  if (!facts.allowPrebaked) {
    throw untrusted('prebaked_not_allowed', `${facts.provider} attestations are not accepted here (BSS_KYC_ALLOW_PREBAKED is off)`, facts);
  }
  const signature = facts.attestationPayload.signature;
  if (typeof signature !== 'string' || signature.trim() === '') {
    throw untrusted('signature_missing', 'The attestation payload carries no signature', facts);
  }
}

/** customer.attest_kyc.document_hash_unique_per_tenant: one document, one customer per tenant. */
export function assertDocumentUnused(customerId: string, holderCustomerId: string | null): void {
  if (holderCustomerId && holderCustomerId !== customerId) {
    throw new PolicyViolation(CRM_RULES.kycDocumentHashUnique, 'This identity document is already attested for another customer', {
      customerId,
    });
  }
}
