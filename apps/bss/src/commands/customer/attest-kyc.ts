import { createHmac, randomUUID } from 'node:crypto';
import { Args, Flags } from '@oclif/core';
import { AttestKycCommand, DOCUMENT_TYPES, KYC_PROVIDERS, type CustomerView, type DocumentType, type KycProvider } from '@bss/crm';
import { envString } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';

/** Dev-only key: the CLI plays the channel that vouches for a prebaked attestation. */
export const DEV_KYC_SIGNING_KEY = 'bss-cli-dev-prebaked-kyc-key';

/** HMAC-SHA256 over the canonical payload (keys sorted), as a channel would sign it. */
export function signAttestation(payload: Record<string, string>, key: string): string {
  const canonical = JSON.stringify(Object.fromEntries(Object.entries(payload).sort(([a], [b]) => a.localeCompare(b))));
  return createHmac('sha256', key).update(canonical).digest('hex');
}

export default class CustomerAttestKyc extends BssCommand<CustomerView> {
  static override summary = 'Record a KYC attestation (the CLI signs prebaked ones with the dev key); the number is stored only as last4 + hash';
  static override examples = ['<%= config.bin %> customer attest-kyc CUST-3f9a0c12 --document-type nric --document-number S1234567D'];
  static override args = { id: Args.string({ required: true, description: 'Customer id (CUST-…)' }) };
  static override flags = {
    'document-type': Flags.string({ description: 'Identity document type', options: [...DOCUMENT_TYPES], required: true }),
    'document-number': Flags.string({ description: 'Document number (never stored or logged)', required: true }),
    provider: Flags.string({ description: 'Who verified the person', options: [...KYC_PROVIDERS], default: 'prebaked' }),
    country: Flags.string({ description: 'Issuing country, ISO 3166 alpha-2', default: 'SG' }),
    'corroboration-id': Flags.string({ description: 'didit: id of the approving provider webhook' }),
  };

  protected async execute(): Promise<CustomerView> {
    const { args, flags } = await this.parse(CustomerAttestKyc);
    const provider = flags.provider as KycProvider;
    const documentType = flags['document-type'] as DocumentType;
    const statement = { customerId: args.id, provider, providerReference: `cli-${randomUUID()}`, documentType, documentCountry: flags.country, issuer: 'bss-cli' };
    const signature = signAttestation(statement, envString('BSS_KYC_PREBAKED_SIGNING_KEY', DEV_KYC_SIGNING_KEY));
    return (await this.service(AttestKycCommand)).execute({
      customerId: args.id,
      provider,
      providerReference: statement.providerReference,
      documentType,
      documentNumber: flags['document-number'],
      documentCountry: flags.country,
      // didit is vouched for by its webhook, not by our signature.
      attestationPayload: provider === 'didit' ? statement : { ...statement, signature },
      corroborationId: flags['corroboration-id'],
    });
  }

  protected render(customer: CustomerView): string {
    return `KYC ${customer.kycStatus} ${customer.id} ${customer.name} via ${customer.kycVerificationMethod}`;
  }
}
