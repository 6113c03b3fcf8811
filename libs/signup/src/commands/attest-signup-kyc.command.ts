import { Inject, Injectable } from '@nestjs/common';
import { IsIn, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { AttestKycCommand, DOCUMENT_TYPES, UpdateIndividualCommand, type DocumentType } from '@bss/crm';
import { IdentityQueries } from '@bss/identity';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { nextSignupState } from '#signup/domain/signup.state';
import { KYC_PROVIDER, type KycProviderPort } from '#signup/ports/kyc-provider.port';
import { assertPlausibleDateOfBirth, assertStepReachable } from '#signup/policies/signup.policies';
import { toSignupView, type SignupView } from '#signup/queries/signup.queries';
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
 * `signup.attest_kyc`: the KYC provider attests, and the CRM records the attestation (document
 * kept only as last4 + hash) and the attested date of birth on the individual, in the same
 * transaction.
 */
@Verb({ name: 'signup.attest_kyc', input: AttestSignupKycInput, summary: "Verifies the signup customer's identity document with the KYC provider", cliExempt: 'a step of the portal signup funnel; operators record an attestation with `bss customer attest-kyc`' })
@Injectable()
export class AttestSignupKycCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly identities: IdentityQueries,
    private readonly attestKyc: AttestKycCommand,
    private readonly updateIndividual: UpdateIndividualCommand,
    @Inject(KYC_PROVIDER) private readonly provider: KycProviderPort,
  ) {}

  async execute(input: AttestSignupKycInput): Promise<SignupView> {
    const dto = await validateInput(AttestSignupKycInput, { ...input, documentNumber: input?.documentNumber?.trim().toUpperCase() });
    return this.uow.run(async (w) => {
      const journey = await lockJourney(w, dto.signupId, dto.identityId);
      assertStepReachable(journey, 'kyc');
      assertPlausibleDateOfBirth(dto.dateOfBirth, w.now);
      journey.state = nextSignupState(journey, 'edit');
      const identity = await this.identities.get(dto.identityId);
      if (!journey.customerId) throw new NotFound('customer', 'of this signup');
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
      await this.updateIndividual.executeIn(w, { customerId: journey.customerId, dateOfBirth: dto.dateOfBirth });
      journey.kycAttestedAt = w.now;
      await saveJourney(w, journey, 'signup.kyc_attested', { provider: attestation.provider });
      return toSignupView(journey);
    });
  }
}
