import { createHmac } from 'node:crypto';
import type { KycAttestation, KycCheckRequest, KycProviderPort } from '#signup/ports/kyc-provider.port';

/**
 * Development eKYC: "verifies" at once and signs the statement with a key derived from the server
 * pepper, as the reference's prebaked provider did (`prebaked-simulated-v1::<email>`). The CRM
 * accepts such attestations only where prebaked attestations are allowed (never by default in
 * production). The signed statement never contains the document number.
 */
export class PrebakedKycAdapter implements KycProviderPort {
  readonly name = 'prebaked';

  constructor(private readonly signingKey: Buffer) {}

  async attest(request: KycCheckRequest, now: Date): Promise<KycAttestation> {
    const statement = {
      token: `prebaked-simulated-v1::${request.email}`,
      decision: 'Approved',
      documentType: request.documentType,
      documentCountry: request.documentCountry,
      dateOfBirth: request.dateOfBirth,
      verifiedAt: now.toISOString(),
    };
    const signature = createHmac('sha256', this.signingKey).update(JSON.stringify(statement)).digest('hex');
    return { provider: 'prebaked', providerReference: statement.token, verifiedAt: now, attestationPayload: { ...statement, signature, alg: 'HS256' } };
  }
}
