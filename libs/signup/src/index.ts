export * from './signup.module';
export * from './signup.errors';
export { SIGNUP_CONFIG, signupConfigFromEnv, kycConfigFromEnv, KYC_PROVIDER_NAMES, type SignupConfig, type KycConfig, type KycProviderName } from './signup.config';
export * from './domain/signup.state';
export { nextSignupStep, isStepReachable, signupOrderNeedsStepUp, assertPlausibleDateOfBirth } from './policies/signup.policies';
export { kycHandoffState, KYC_HANDOFF_STATES, type KycHandoffState } from './policies/kyc-handoff.policies';
export { signDiditBody } from './adapters/didit-webhook';
export type { KycProviderPort, KycAttestation, KycCheckRequest } from './ports/kyc-provider.port';

export { StartSignupCommand, StartSignupInput } from './commands/start-signup.command';
export { ChooseSignupNumberCommand, ChooseSignupNumberInput } from './commands/choose-signup-number.command';
export { SaveSignupDetailsCommand, SaveSignupDetailsInput } from './commands/save-signup-details.command';
export { AttestSignupKycCommand, AttestSignupKycInput } from './commands/attest-signup-kyc.command';
export { AddSignupCardCommand, AddSignupCardInput } from './commands/add-signup-card.command';
export { PlaceSignupOrderCommand, PlaceSignupOrderInput } from './commands/place-signup-order.command';
export { StartSignupKycHandoffCommand, CompleteSignupKycHandoffCommand, SignupKycHandoffInput } from './commands/kyc-handoff.commands';
export { RecordDiditWebhookCommand, RecordDiditDecisionInput, type RecordDiditWebhookResult } from './commands/record-didit-webhook.command';

export { SignupQueries, type SignupView, type SignupProgressView, type SignupOutcome, type KycHandoffView } from './queries/signup.queries';
export { KycDecisionQueries, type KycDecisionView } from './queries/kyc-decision.queries';
