import { assertAttestationTrusted, assertDocumentProvided, assertDocumentUnused, type AttestationFacts } from './kyc.policies';
import { expectRule } from '#crm/testing';

const NOW = new Date('2026-01-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const RULE = 'customer.attest_kyc.attestation_signature_valid';

function facts(overrides: Partial<AttestationFacts> = {}): AttestationFacts {
  return {
    provider: 'prebaked',
    attestationPayload: { signature: 'hmac-abc' },
    verifiedAt: minutesAgo(1),
    now: NOW,
    allowPrebaked: true,
    corroboration: null,
    ...overrides,
  };
}

describe('customer.attest_kyc.document_required', () => {
  it('allows a raw number, or last4 with a hash', () => {
    expect(() => assertDocumentProvided({ documentNumber: 'S1234567D' })).not.toThrow();
    expect(() => assertDocumentProvided({ documentNumberLast4: '567D', documentNumberHash: 'a'.repeat(64) })).not.toThrow();
  });
  it('refuses neither, or last4 alone', () => {
    expectRule(() => assertDocumentProvided({}), 'customer.attest_kyc.document_required');
    expectRule(() => assertDocumentProvided({ documentNumber: '  ' }), 'customer.attest_kyc.document_required');
    expectRule(() => assertDocumentProvided({ documentNumberLast4: '567D' }), 'customer.attest_kyc.document_required');
  });
});

describe('customer.attest_kyc.attestation_signature_valid', () => {
  it('allows a fresh, signed prebaked or myinfo attestation while prebaked is allowed', () => {
    expect(() => assertAttestationTrusted(facts())).not.toThrow();
    expect(() => assertAttestationTrusted(facts({ provider: 'myinfo', verifiedAt: minutesAgo(30) }))).not.toThrow();
  });

  it('refuses prebaked when BSS_KYC_ALLOW_PREBAKED is off', () => {
    expect(expectRule(() => assertAttestationTrusted(facts({ allowPrebaked: false })), RULE).context).toMatchObject({ reason: 'prebaked_not_allowed' });
  });

  it('refuses an unsigned payload', () => {
    expect(expectRule(() => assertAttestationTrusted(facts({ attestationPayload: {} })), RULE).context).toMatchObject({ reason: 'signature_missing' });
    expectRule(() => assertAttestationTrusted(facts({ attestationPayload: { signature: ' ' } })), RULE);
  });

  it('refuses an attestation older than 30 minutes, or from the future', () => {
    expect(expectRule(() => assertAttestationTrusted(facts({ verifiedAt: minutesAgo(31) })), RULE).context).toMatchObject({ reason: 'stale' });
    expect(expectRule(() => assertAttestationTrusted(facts({ verifiedAt: minutesAgo(-10) })), RULE).context).toMatchObject({
      reason: 'verified_in_future',
    });
  });

  it('allows didit with an approved, fresh didit webhook', () => {
    const didit = facts({
      provider: 'didit',
      attestationPayload: {},
      corroborationId: 'wh_1',
      corroboration: { provider: 'didit', status: 'Approved', receivedAt: minutesAgo(5) },
    });
    expect(() => assertAttestationTrusted(didit)).not.toThrow();
    // Corroborated attestations do not depend on the prebaked switch.
    expect(() => assertAttestationTrusted({ ...didit, allowPrebaked: false })).not.toThrow();
  });

  it('refuses didit without, with an unapproved, or with a stale corroboration', () => {
    const base = facts({ provider: 'didit', corroborationId: 'wh_1' });
    expect(expectRule(() => assertAttestationTrusted(base), RULE).context).toMatchObject({ reason: 'corroboration_missing' });
    expect(
      expectRule(() => assertAttestationTrusted({ ...base, corroboration: { provider: 'didit', status: 'Declined', receivedAt: minutesAgo(1) } }), RULE).context,
    ).toMatchObject({ reason: 'corroboration_not_approved' });
    expect(
      expectRule(() => assertAttestationTrusted({ ...base, corroboration: { provider: 'didit', status: 'Approved', receivedAt: minutesAgo(31) } }), RULE).context,
    ).toMatchObject({ reason: 'corroboration_stale' });
    expectRule(() => assertAttestationTrusted({ ...base, corroboration: { provider: 'other', status: 'Approved', receivedAt: minutesAgo(1) } }), RULE);
  });
});

describe('customer.attest_kyc.document_hash_unique_per_tenant', () => {
  it('allows an unused document, or re-attesting one the same customer holds', () => {
    expect(() => assertDocumentUnused('CUST-00000001', null)).not.toThrow();
    expect(() => assertDocumentUnused('CUST-00000001', 'CUST-00000001')).not.toThrow();
  });
  it('refuses a document another customer holds', () => {
    expectRule(() => assertDocumentUnused('CUST-00000001', 'CUST-00000002'), 'customer.attest_kyc.document_hash_unique_per_tenant');
  });
});
