import { Module, type OnModuleInit } from '@nestjs/common';
import { CatalogModule } from '@bss/catalog';
import { CrmModule, KycCorroborationPort } from '@bss/crm';
import { InventoryModule } from '@bss/inventory';
import { NotificationsModule } from '@bss/notifications';
import { OrdersModule } from '@bss/orders';
import { PaymentModule } from '@bss/payment';
import { defineContext } from '@bss/platform';
import { PrebakedKycAdapter } from './adapters/prebaked-kyc.adapter';
import { CancelEmailChangeCommand, StartEmailChangeCommand, VerifyEmailChangeCommand } from './commands/email-change.commands';
import { RecordPortalActionCommand } from './commands/record-portal-action.command';
import { LogoutCommand, RotateSessionCommand, SessionResolver } from './commands/session.commands';
import { SessionIssuer } from './commands/session-issuer';
import { AddSignupCardCommand } from './commands/signup/add-signup-card.command';
import { AttestSignupKycCommand } from './commands/signup/attest-signup-kyc.command';
import { CompleteSignupKycHandoffCommand, StartSignupKycHandoffCommand } from './commands/signup/kyc-handoff.commands';
import { RecordDiditWebhookCommand } from './commands/record-didit-webhook.command';
import { ChooseSignupNumberCommand } from './commands/signup/choose-signup-number.command';
import { PlaceSignupOrderCommand } from './commands/signup/place-signup-order.command';
import { SaveSignupDetailsCommand } from './commands/signup/save-signup-details.command';
import { StartSignupCommand } from './commands/signup/start-signup.command';
import { StartLoginCommand } from './commands/start-login.command';
import { ConsumeStepUpGrantCommand, StartStepUpCommand, StashStepUpActionCommand, VerifyStepUpCommand } from './commands/step-up.commands';
import { VerifyLoginCommand } from './commands/verify-login.command';
import { EmailChangePendingEntity } from './domain/email-change-pending.entity';
import { IdentityEntity } from './domain/identity.entity';
import { LoginTokenEntity } from './domain/login-token.entity';
import { PortalSessionEntity } from './domain/portal-session.entity';
import { SignupJourneyEntity } from './domain/signup-journey.entity';
import { StepUpPendingActionEntity } from './domain/step-up-pending-action.entity';
import { TokenHasher } from './domain/tokens';
import { IDENTITY_CONFIG, identityConfigFromEnv, type IdentityConfig } from './identity.config';
import { KYC_PROVIDER } from './ports/kyc-provider.port';
import { IdentityQueries } from './queries/identity.queries';
import { KycDecisionQueries } from './queries/kyc-decision.queries';
import { SignupQueries } from './queries/signup.queries';

defineContext({
  name: 'identity',
  entities: [IdentityEntity, LoginTokenEntity, PortalSessionEntity, StepUpPendingActionEntity, EmailChangePendingEntity, SignupJourneyEntity],
  // Before crm/payment/orders: nothing references portal_auth, and it references them only by id.
  resetOrder: 5,
  reset: async (tx) => {
    for (const table of ['kyc_webhook_decision', 'signup_journey', 'portal_action', 'email_change_pending', 'step_up_pending_action', 'login_attempt', 'login_token', 'session', 'identity']) {
      await tx.query(`delete from portal_auth.${table}`);
    }
  },
});

const COMMANDS = [
  StartLoginCommand,
  VerifyLoginCommand,
  RotateSessionCommand,
  LogoutCommand,
  StartStepUpCommand,
  VerifyStepUpCommand,
  ConsumeStepUpGrantCommand,
  StashStepUpActionCommand,
  StartEmailChangeCommand,
  VerifyEmailChangeCommand,
  CancelEmailChangeCommand,
  RecordPortalActionCommand,
  StartSignupCommand,
  ChooseSignupNumberCommand,
  SaveSignupDetailsCommand,
  AttestSignupKycCommand,
  AddSignupCardCommand,
  PlaceSignupOrderCommand,
  StartSignupKycHandoffCommand,
  CompleteSignupKycHandoffCommand,
  RecordDiditWebhookCommand,
];

/**
 * Portal identities: passwordless login, server-side sessions, step-up, email change and the
 * signup journey (schema portal_auth). Boot fails without a usable token pepper in production.
 */
@Module({
  imports: [NotificationsModule, CatalogModule, CrmModule, InventoryModule, PaymentModule, OrdersModule],
  providers: [
    { provide: IDENTITY_CONFIG, useFactory: identityConfigFromEnv },
    { provide: TokenHasher, useFactory: (config: IdentityConfig) => new TokenHasher(config.pepper), inject: [IDENTITY_CONFIG] },
    { provide: KYC_PROVIDER, useFactory: (hasher: TokenHasher) => new PrebakedKycAdapter(hasher.derive('kyc-prebaked-signing')), inject: [TokenHasher] },
    SessionIssuer,
    SessionResolver,
    IdentityQueries,
    SignupQueries,
    KycDecisionQueries,
    ...COMMANDS,
  ],
  exports: [IDENTITY_CONFIG, TokenHasher, SessionResolver, IdentityQueries, SignupQueries, KycDecisionQueries, ...COMMANDS],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly corroborations: KycCorroborationPort,
    private readonly decisions: KycDecisionQueries,
  ) {}

  /** This context receives Didit's webhooks, so it is the one that can corroborate didit attestations. */
  onModuleInit(): void {
    this.corroborations.register((provider, eventId) => this.decisions.corroboration(provider, eventId));
  }
}
