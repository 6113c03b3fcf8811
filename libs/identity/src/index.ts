export * from './identity.module';
export * from './identity.errors';
export { IDENTITY_CONFIG, identityConfigFromEnv, loadPortalPepper, type IdentityConfig, type RateLimit } from './identity.config';
export * from './domain/identity.values';
export * from './domain/identity.state';
export { TokenHasher } from './domain/tokens';
export { safeNextPath } from './policies/next-url.policies';
export { normaliseEmail } from './policies/login.policies';
export { assertStepUpLabel } from './policies/step-up.policies';

export { StartLoginCommand, StartLoginInput, type StartLoginResult } from './commands/start-login.command';
export { VerifyLoginCommand, VerifyLoginInput, type VerifyLoginResult, type VerifyLoginFailure } from './commands/verify-login.command';
export { SessionResolver, RotateSessionCommand, RevokeSessionCommand, SessionIdInput, type ResolvedSession } from './commands/session.commands';
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
export { LinkIdentityCommand, LinkIdentityInput, IDENTITY_LINK_SOURCES } from './commands/link-identity.command';

export { IdentityQueries, type IdentityView, type PendingEmailChangeView, type PortalActionView, type LoginAttemptView } from './queries/identity.queries';

export * from './domain/operator.values';
export { AddOperatorCommand, AddOperatorInput, DisableOperatorCommand, DisableOperatorInput } from './commands/operator.commands';
export { OperatorSessionResolver, type ResolvedOperatorSession } from './commands/operator-session.resolver';
export { OperatorQueries } from './queries/operator.queries';
