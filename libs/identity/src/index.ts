export * from './identity.module';
export * from './identity.errors';
export { IDENTITY_CONFIG, identityConfigFromEnv, kycConfigFromEnv, loadPortalPepper, KYC_PROVIDER_NAMES, type IdentityConfig, type KycConfig, type KycProviderName, type RateLimit } from './identity.config';
export * from './domain/identity.values';
export * from './domain/identity.state';
export * from './domain/signup.state';
export { TokenHasher } from './domain/tokens';
export { safeNextPath } from './policies/next-url.policies';
export { normaliseEmail } from './policies/login.policies';
export { assertStepUpLabel } from './policies/step-up.policies';
export { nextSignupStep, isStepReachable } from './policies/signup.policies';
export { kycHandoffState, KYC_HANDOFF_STATES, type KycHandoffState } from './policies/kyc-handoff.policies';
export { signDiditBody } from './adapters/didit-webhook';
export type { KycProviderPort, KycAttestation, KycCheckRequest } from './ports/kyc-provider.port';

export { StartLoginCommand, StartLoginInput, type StartLoginResult } from './commands/start-login.command';
export { VerifyLoginCommand, VerifyLoginInput, type VerifyLoginResult, type VerifyLoginFailure } from './commands/verify-login.command';
export { SessionResolver, RotateSessionCommand, LogoutCommand, SessionIdInput, type ResolvedSession } from './commands/session.commands';
export type { IssuedSession } from './commands/session-issuer';
export {
  StartStepUpCommand,
  VerifyStepUpCommand,
  ConsumeStepUpGrantCommand,
  StashStepUpActionCommand,
  StepUpScopeInput,
  VerifyStepUpInput,
  ConsumeStepUpGrantInput,
  StashStepUpActionInput,
  STEP_UP_ACTION_TEXT,
  STASH_SECRET_FIELDS,
  type StartStepUpResult,
  type VerifyStepUpResult,
  type StashedAction,
} from './commands/step-up.commands';
export {
  StartEmailChangeCommand,
  VerifyEmailChangeCommand,
  CancelEmailChangeCommand,
  StartEmailChangeInput,
  VerifyEmailChangeInput,
  CancelEmailChangeInput,
  type VerifyEmailChangeResult,
} from './commands/email-change.commands';
export { RecordPortalActionCommand, RecordPortalActionInput } from './commands/record-portal-action.command';
export { StartSignupCommand, StartSignupInput } from './commands/signup/start-signup.command';
export { ChooseSignupNumberCommand, ChooseSignupNumberInput } from './commands/signup/choose-signup-number.command';
export { SaveSignupDetailsCommand, SaveSignupDetailsInput } from './commands/signup/save-signup-details.command';
export { AttestSignupKycCommand, AttestSignupKycInput } from './commands/signup/attest-signup-kyc.command';
export { AddSignupCardCommand, AddSignupCardInput } from './commands/signup/add-signup-card.command';
export { PlaceSignupOrderCommand, PlaceSignupOrderInput } from './commands/signup/place-signup-order.command';
export { StartSignupKycHandoffCommand, CompleteSignupKycHandoffCommand, SignupKycHandoffInput } from './commands/signup/kyc-handoff.commands';
export { RecordDiditWebhookCommand, RecordDiditDecisionInput, type RecordDiditWebhookResult } from './commands/record-didit-webhook.command';

export { IdentityQueries, type IdentityView, type PendingEmailChangeView, type PortalActionView, type LoginAttemptView } from './queries/identity.queries';
export { SignupQueries, type SignupView, type SignupProgressView, type SignupOutcome, type KycHandoffView } from './queries/signup.queries';
export { KycDecisionQueries, type KycDecisionView } from './queries/kyc-decision.queries';
