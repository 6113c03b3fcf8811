import { Module } from '@nestjs/common';
import { CrmModule } from '@bss/crm';
import { NotificationsModule } from '@bss/notifications';
import { defineContext } from '@bss/platform';
import { CancelEmailChangeCommand, StartEmailChangeCommand, VerifyEmailChangeCommand } from './commands/email-change.commands';
import { LinkIdentityCommand } from './commands/link-identity.command';
import { AddOperatorCommand, DisableOperatorCommand } from './commands/operator.commands';
import { OperatorSessionResolver } from './commands/operator-session.resolver';
import { OperatorEntity } from './domain/operator.entity';
import { OperatorQueries } from './queries/operator.queries';
import { RecordPortalActionCommand } from './commands/record-portal-action.command';
import { RevokeSessionCommand, RotateSessionCommand, SessionResolver } from './commands/session.commands';
import { SessionIssuer } from './commands/session-issuer';
import { StartLoginCommand } from './commands/start-login.command';
import { ConsumeStepUpGrantCommand, StartStepUpCommand, StashStepUpActionCommand, VerifyStepUpCommand } from './commands/step-up.commands';
import { VerifyLoginCommand } from './commands/verify-login.command';
import { EmailChangePendingEntity } from './domain/email-change-pending.entity';
import { IdentityEntity } from './domain/identity.entity';
import { LoginTokenEntity } from './domain/login-token.entity';
import { PortalSessionEntity } from './domain/portal-session.entity';
import { StepUpPendingActionEntity } from './domain/step-up-pending-action.entity';
import { TokenHasher } from './domain/tokens';
import { IDENTITY_CONFIG, identityConfigFromEnv, type IdentityConfig } from './identity.config';
import { IdentityQueries } from './queries/identity.queries';

defineContext({
  name: 'identity',
  entities: [IdentityEntity, LoginTokenEntity, PortalSessionEntity, StepUpPendingActionEntity, EmailChangePendingEntity, OperatorEntity],
  // Before crm/payment/orders: nothing references portal_auth, and it references them only by id.
  resetOrder: 5,
  reset: async (tx) => {
    for (const table of ['portal_action', 'email_change_pending', 'step_up_pending_action', 'login_attempt', 'login_token', 'session', 'identity']) {
      await tx.query(`delete from portal_auth.${table}`);
    }
  },
});

const COMMANDS = [
  StartLoginCommand,
  VerifyLoginCommand,
  RotateSessionCommand,
  RevokeSessionCommand,
  StartStepUpCommand,
  VerifyStepUpCommand,
  ConsumeStepUpGrantCommand,
  StashStepUpActionCommand,
  StartEmailChangeCommand,
  VerifyEmailChangeCommand,
  CancelEmailChangeCommand,
  RecordPortalActionCommand,
  LinkIdentityCommand,
  AddOperatorCommand,
  DisableOperatorCommand,
];

/**
 * Portal identities: passwordless login, server-side sessions, step-up and email change (schema
 * portal_auth). Boot fails without a usable token pepper in production. The signup funnel that
 * creates and links customers sits above, in @bss/signup.
 */
@Module({
  imports: [NotificationsModule, CrmModule],
  providers: [
    { provide: IDENTITY_CONFIG, useFactory: identityConfigFromEnv },
    { provide: TokenHasher, useFactory: (config: IdentityConfig) => new TokenHasher(config.pepper), inject: [IDENTITY_CONFIG] },
    SessionIssuer,
    SessionResolver,
    OperatorSessionResolver,
    IdentityQueries,
    OperatorQueries,
    ...COMMANDS,
  ],
  exports: [IDENTITY_CONFIG, TokenHasher, SessionResolver, OperatorSessionResolver, IdentityQueries, OperatorQueries, ...COMMANDS],
})
export class IdentityModule {}
