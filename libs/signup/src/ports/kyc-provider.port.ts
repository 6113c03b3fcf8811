import type { DocumentType } from '@bss/crm';

export interface KycCheckRequest {
  email: string;
  documentType: DocumentType;
  documentNumber: string;
  documentCountry: string;
  dateOfBirth: string;
  nationality?: string;
}

/** What a KYC provider hands back: an attestation the CRM records (never the raw document beyond this call). */
export interface KycAttestation {
  provider: 'prebaked' | 'didit' | 'myinfo';
  providerReference: string;
  verifiedAt: Date;
  attestationPayload: Record<string, unknown>;
}

/** The eKYC provider seam: the dev provider attests at once; a real one (Didit) would hand off to the phone. */
export interface KycProviderPort {
  readonly name: string;
  attest(request: KycCheckRequest, now: Date): Promise<KycAttestation>;
}

export const KYC_PROVIDER = Symbol('KYC_PROVIDER');
