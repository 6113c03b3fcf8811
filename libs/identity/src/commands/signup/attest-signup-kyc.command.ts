import { Inject, Injectable } from '@nestjs/common';
import { IsIn, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { AttestKycCommand, DOCUMENT_TYPES, type DocumentType } from '@bss/crm';
import { NotFound, validateInput } from '@bss/platform';
import { IdentityEntity } from '../../domain/identity.entity';
import { nextSignupState } from '../../domain/signup.state';
import { KYC_PROVIDER, type KycProviderPort } from '../../ports/kyc-provider.port';
import { assertStepReachable } from '../../policies/signup.policies';
import { toSignupView, type SignupView } from '../../queries/signup.queries';
import { IDENTITY_ID, lockJourney, saveJourney, SIGNUP_ID } from './signup-loader';

export class AttestSignupKycInput {
  @IsString() @Matches(SIGNUP_ID) signupId!: string;
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
  @IsIn(DOCUMENT_TYPES) documentType!: DocumentType;
  @IsString() @Matches(/^[A-Za-z0-9-]{4,32}$/, { message: 'documentNumber must be 4–32 letters, digits or dashes' }) documentNumber!: string;
  @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'documentCountry must be a 2-letter country code' }) documentCountry?: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be YYYY-MM-DD' }) @IsISO8601({ strict: true }) dateOfBirth!: string;
}

/**
 * `signup.attest_kyc` (audit label signup_attest_kyc): the KYC provider attests, and the CRM
 * records the attestation (document kept only as last4 + hash) in the same transaction.
 */
@Injectable()
export class AttestSignupKycCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly attestKyc: AttestKycCommand,
    @Inject(KYC_PROVIDER) private readonly provider: KycProviderPort,
  ) {}

  async execute(input: AttestSignupKycInput): Promise<SignupView> {
    const dto = await validateInput(AttestSignupKycInput, { ...input, documentNumber: input?.documentNumber?.trim().toUpperCase() });
    return this.uow.run(async (w) => {
      const journey = await lockJourney(w, dto.signupId, dto.identityId);
      assertStepReachable(journey, 'kyc');
      journey.state = nextSignupState(journey, 'edit');
      const identity = await w.tx.findOne(IdentityEntity, { where: { id: dto.identityId } });
      if (!identity || !journey.customerId) throw new NotFound('identity', dto.identityId);
      const documentCountry = dto.documentCountry ?? 'SG';
      const attestation = await this.provider.attest(
        { email: identity.email, documentType: dto.documentType, documentNumber: dto.documentNumber, documentCountry, dateOfBirth: dto.dateOfBirth },
        w.now,
      );
      await this.attestKyc.executeIn(w, {
        customerId: journey.customerId,
        provider: attestation.provider,
        providerReference: attestation.providerReference,
        documentType: dto.documentType,
        documentNumber: dto.documentNumber,
        documentCountry,
        dateOfBirth: dto.dateOfBirth,
        verifiedAt: attestation.verifiedAt,
        attestationPayload: attestation.attestationPayload,
      });
      journey.kycAttestedAt = w.now;
      await saveJourney(w, journey, 'signup.kyc_attested', { provider: attestation.provider });
      return toSignupView(journey);
    });
  }
}
