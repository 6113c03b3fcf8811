import { Injectable } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsISO8601, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { envBool, envString, PolicyViolation, validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CRM_RULES } from '#crm/crm.errors';
import { DOCUMENT_TYPES, ID_PATTERNS, ISO_DATE_PATTERN, KYC_PROVIDERS, type DocumentType, type KycProvider } from '#crm/domain/crm.values';
import { CustomerEntity } from '#crm/domain/customer.entity';
import { CustomerIdentityEntity } from '#crm/domain/customer-identity.entity';
import type { CustomerView } from '#crm/domain/customer.view';
import { fingerprintDocument, redactDocumentNumber, type DocumentFingerprint } from '#crm/domain/kyc-document';
import { assertCustomerNotClosed } from '#crm/policies/customer.policies';
import { assertAttestationTrusted, assertDocumentProvided, assertDocumentUnused } from '#crm/policies/kyc.policies';
import { KycCorroborationPort } from '#crm/ports/kyc-corroboration.port';
import { readCustomerView } from '#crm/queries/customer.queries';
import { isUniqueViolation, lockCustomer } from './crm-loaders';
import { InteractionLog } from './interaction-log';

export class AttestKycInput {
  @Matches(ID_PATTERNS.customer) customerId!: string;
  @IsIn(KYC_PROVIDERS) provider!: KycProvider;
  @IsString() @Matches(/\S/, { message: 'providerReference must not be blank' }) @MaxLength(200) providerReference!: string;
  @IsIn(DOCUMENT_TYPES) documentType!: DocumentType;
  /** Raw number: fingerprinted, then dropped. Validation messages never echo it. */
  @IsOptional() @IsString() @Matches(/^\s*[A-Za-z0-9-]{4,32}\s*$/, { message: 'documentNumber must be 4-32 letters, digits or dashes' })
  documentNumber?: string;
  /** Alternative to documentNumber when the channel fingerprinted it already. */
  @IsOptional() @Matches(/^[0-9A-Z]{1,4}$/) documentNumberLast4?: string;
  @IsOptional() @Matches(/^[0-9a-f]{64}$/, { message: 'documentNumberHash must be 64 lowercase hex characters' }) documentNumberHash?: string;
  /** ISO 3166 alpha-2; default SG. */
  @IsOptional() @Matches(/^[A-Z]{2}$/) documentCountry?: string;
  @IsOptional() @Matches(ISO_DATE_PATTERN) @IsISO8601({ strict: true }) dateOfBirth?: string;
  @IsOptional() @IsString() @MaxLength(64) nationality?: string;
  /** When the channel verified the person; default now. */
  @IsOptional() @Type(() => Date) @IsDate() verifiedAt?: Date;
  /** The provider's (or the channel's) signed statement: `{signature, …}`. */
  @IsObject() attestationPayload!: Record<string, unknown>;
  /** didit: the id of the provider webhook that approved this verification. */
  @IsOptional() @IsString() @MaxLength(200) corroborationId?: string;
}

/** Off in production unless explicitly enabled: prebaked attestations are signed by our own channel. */
export function prebakedAttestationsAllowed(): boolean {
  return envBool('BSS_KYC_ALLOW_PREBAKED', envString('BSS_ENV') !== 'production');
}

/**
 * Records a KYC attestation made by the channel layer; BSS never verifies identities itself.
 * Stores the document only as last4 + hash and marks the customer verified.
 */
@Verb({
  name: 'customer.attest_kyc',
  input: AttestKycInput,
  summary: 'Record a KYC attestation (the CLI signs prebaked ones with the dev key); the number is stored only as last4 + hash',
})
@Injectable()
export class AttestKycCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
    private readonly corroborations: KycCorroborationPort,
  ) {}

  async execute(input: AttestKycInput): Promise<CustomerView> {
    const dto = await validateInput(AttestKycInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: AttestKycInput): Promise<CustomerView> {
    return this.apply(w, await validateInput(AttestKycInput, input));
  }

  private async apply(w: WriteScope, dto: AttestKycInput): Promise<CustomerView> {
    const customer = await lockCustomer(w, dto.customerId);
    assertCustomerNotClosed(customer);
    assertDocumentProvided(dto);
    const country = dto.documentCountry ?? 'SG';
    const fingerprint: DocumentFingerprint = dto.documentNumber
      ? fingerprintDocument(dto.documentNumber, country, dto.provider)
      : { last4: dto.documentNumberLast4 ?? '', hash: dto.documentNumberHash ?? '' };
    const payload = redactDocumentNumber(dto.attestationPayload, dto.documentNumber);
    dto.documentNumber = undefined;

    const verifiedAt = dto.verifiedAt ?? w.now;
    const corroboration = dto.provider === 'didit' && dto.corroborationId ? await this.corroborations.find(dto.provider, dto.corroborationId) : null;
    assertAttestationTrusted({
      provider: dto.provider,
      attestationPayload: payload,
      verifiedAt,
      now: w.now,
      allowPrebaked: prebakedAttestationsAllowed(),
      corroborationId: dto.corroborationId,
      corroboration,
    });

    const holder = await w.tx.findOne(CustomerIdentityEntity, {
      where: { tenantId: w.auth.tenant, documentType: dto.documentType, documentHash: fingerprint.hash },
      lock: { mode: 'pessimistic_write' },
    });
    assertDocumentUnused(customer.id, holder?.customerId ?? null);

    // Re-attesting the same document refreshes the customer's identity row.
    const row = holder ?? Object.assign(new CustomerIdentityEntity(), { createdAt: w.now, tenantId: w.auth.tenant });
    Object.assign(row, {
      customerId: customer.id,
      documentType: dto.documentType,
      documentHash: fingerprint.hash,
      documentLast4: fingerprint.last4,
      documentCountry: country,
      dateOfBirth: dto.dateOfBirth ?? null,
      nationality: dto.nationality ?? null,
      verifiedBy: dto.provider,
      providerReference: dto.providerReference.trim(),
      attestationPayload: payload,
      verifiedAt,
      corroborationId: dto.corroborationId ?? null,
    } satisfies Partial<CustomerIdentityEntity>);
    try {
      await w.tx.save(CustomerIdentityEntity, row);
    } catch (error) {
      if (isUniqueViolation(error, 'customer_identity_document_uq')) {
        throw new PolicyViolation(CRM_RULES.kycDocumentHashUnique, 'This identity document is already attested for another customer', {
          customerId: customer.id,
        });
      }
      throw error;
    }
    await w.tx.update(
      CustomerEntity,
      { id: customer.id },
      {
        kycStatus: 'verified',
        kycVerifiedAt: verifiedAt,
        kycVerificationMethod: dto.provider,
        kycReference: row.providerReference,
        kycExpiresAt: null,
        updatedAt: w.now,
      },
    );
    // Never the document number (not even its last4) in the event.
    await w.emit({
      eventType: 'customer.kyc_attested',
      aggregateType: 'customer',
      aggregateId: customer.id,
      payload: {
        customerId: customer.id,
        provider: dto.provider,
        providerReference: row.providerReference,
        documentType: dto.documentType,
        documentCountry: country,
        verifiedAt: verifiedAt.toISOString(),
        corroborationId: row.corroborationId,
      },
    });
    await this.interactions.record(w, { customerId: customer.id, summary: `KYC attested via ${dto.provider} (${dto.documentType})` });
    return readCustomerView(w.tx, w.auth.tenant, customer.id);
  }
}
