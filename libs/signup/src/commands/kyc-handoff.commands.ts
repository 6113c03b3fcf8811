import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { AttestKycCommand, UpdateIndividualCommand, type DocumentType } from '@bss/crm';
import { PolicyViolation, validateInput, Verb } from '@bss/platform';
import { nextSignupState } from '#signup/domain/signup.state';
import { SIGNUP_CONFIG, type SignupConfig } from '#signup/signup.config';
import { SIGNUP_RULES } from '#signup/signup.errors';
import { assertKycHandoffApproved, kycHandoffState } from '#signup/policies/kyc-handoff.policies';
import { assertStepReachable } from '#signup/policies/signup.policies';
import { toKycDecisionView, type KycDecisionView } from '#signup/queries/kyc-decision.queries';
import { toSignupView, type SignupView } from '#signup/queries/signup.queries';
import { IDENTITY_ID, lockJourney, saveJourney, SIGNUP_ID } from './signup-loader';

export class SignupKycHandoffInput {
  @IsString() @Matches(SIGNUP_ID) signupId!: string;
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
}

async function decisionFor(w: WriteScope, sessionId: string | null): Promise<KycDecisionView | null> {
  if (!sessionId) return null;
  const [row] = (await w.tx.query(`select * from portal_auth.kyc_webhook_decision where session_id = $1`, [sessionId])) as Parameters<typeof toKycDecisionView>[0][];
  return row ? toKycDecisionView(row) : null;
}

function assertDiditMode(config: SignupConfig, signupId: string): void {
  if (config.kyc.provider !== 'didit') {
    throw new PolicyViolation(SIGNUP_RULES.kycHandoffNotConfigured, 'KYC handoff needs BSS_KYC_PROVIDER=didit', { signupId, provider: config.kyc.provider });
  }
}

/**
 * `signup.start_kyc_handoff` (didit): the journey gets a Didit session to verify on the phone. A
 * repeated start while that session is still open keeps it; after a Declined/Expired one it
 * starts afresh. No call to Didit: the hosted page takes the session id we mint.
 */
@Verb({
  name: 'signup.start_kyc_handoff',
  input: SignupKycHandoffInput,
  summary: 'Hands the signup KYC step off to a Didit verification session',
  cliExempt: 'a step of the portal signup funnel (didit mode); the customer verifies on the phone',
})
@Injectable()
export class StartSignupKycHandoffCommand {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(SIGNUP_CONFIG) private readonly config: SignupConfig,
  ) {}

  async execute(input: SignupKycHandoffInput): Promise<SignupView> {
    const dto = await validateInput(SignupKycHandoffInput, input);
    assertDiditMode(this.config, dto.signupId);
    return this.uow.run(async (w) => {
      const journey = await lockJourney(w, dto.signupId, dto.identityId);
      assertStepReachable(journey, 'kyc');
      journey.state = nextSignupState(journey, 'edit');
      const current = await decisionFor(w, journey.kycSessionId);
      if (journey.kycSessionId && kycHandoffState(current?.status ?? null) === 'pending_kyc_handoff') return toSignupView(journey);
      journey.kycSessionId = randomUUID();
      await saveJourney(w, journey, 'signup.kyc_handoff_started', { provider: 'didit', sessionId: journey.kycSessionId });
      return toSignupView(journey);
    });
  }
}

/**
 * `signup.complete_kyc_handoff`: only on Didit's signed Approved decision for the journey's
 * session, recorded in the CRM as a didit attestation corroborated by that webhook event (the CRM
 * checks it is Approved and at most 30 minutes old), with the date of birth Didit read from the
 * document on the individual. Idempotent once attested.
 */
@Verb({
  name: 'signup.complete_kyc_handoff',
  input: SignupKycHandoffInput,
  summary: "Records the signup customer's KYC once Didit has approved the handoff session",
  cliExempt: 'a step of the portal signup funnel (didit mode); only valid on a signed Didit decision',
})
@Injectable()
export class CompleteSignupKycHandoffCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly attestKyc: AttestKycCommand,
    private readonly updateIndividual: UpdateIndividualCommand,
    @Inject(SIGNUP_CONFIG) private readonly config: SignupConfig,
  ) {}

  async execute(input: SignupKycHandoffInput): Promise<SignupView> {
    const dto = await validateInput(SignupKycHandoffInput, input);
    assertDiditMode(this.config, dto.signupId);
    return this.uow.run(async (w) => {
      const journey = await lockJourney(w, dto.signupId, dto.identityId);
      if (journey.kycAttestedAt) return toSignupView(journey);
      assertStepReachable(journey, 'kyc');
      journey.state = nextSignupState(journey, 'edit');
      const decision = await decisionFor(w, journey.kycSessionId);
      assertKycHandoffApproved(journey.id, journey.kycSessionId, decision?.status ?? null);
      await this.attestKyc.executeIn(w, {
        customerId: journey.customerId ?? '',
        provider: 'didit',
        providerReference: decision!.sessionId,
        documentType: (decision!.documentType ?? '') as DocumentType,
        documentNumberLast4: decision!.documentLast4 ?? undefined,
        documentNumberHash: decision!.documentHash ?? undefined,
        documentCountry: decision!.documentCountry ?? undefined,
        dateOfBirth: decision!.dateOfBirth ?? undefined,
        verifiedAt: decision!.receivedAt,
        attestationPayload: { sessionId: decision!.sessionId, status: decision!.status, eventId: decision!.eventId, decidedAt: decision!.decidedAt.toISOString() },
        corroborationId: decision!.eventId,
      });
      if (decision!.dateOfBirth && journey.customerId) await this.updateIndividual.executeIn(w, { customerId: journey.customerId, dateOfBirth: decision!.dateOfBirth });
      journey.kycAttestedAt = w.now;
      await saveJourney(w, journey, 'signup.kyc_attested', { provider: 'didit', sessionId: decision!.sessionId });
      return toSignupView(journey);
    });
  }
}
