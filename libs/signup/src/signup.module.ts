import { Module, type OnModuleInit } from '@nestjs/common';
import { CatalogModule } from '@bss/catalog';
import { CrmModule, KycCorroborationPort } from '@bss/crm';
import { IdentityModule, TokenHasher } from '@bss/identity';
import { InventoryModule } from '@bss/inventory';
import { OrdersModule } from '@bss/orders';
import { PaymentModule } from '@bss/payment';
import { defineContext } from '@bss/platform';
import { PrebakedKycAdapter } from './adapters/prebaked-kyc.adapter';
import { AddSignupCardCommand } from './commands/add-signup-card.command';
import { AttestSignupKycCommand } from './commands/attest-signup-kyc.command';
import { ChooseSignupNumberCommand } from './commands/choose-signup-number.command';
import { CompleteSignupKycHandoffCommand, StartSignupKycHandoffCommand } from './commands/kyc-handoff.commands';
import { PlaceSignupOrderCommand } from './commands/place-signup-order.command';
import { RecordDiditWebhookCommand } from './commands/record-didit-webhook.command';
import { SaveSignupDetailsCommand } from './commands/save-signup-details.command';
import { StartSignupCommand } from './commands/start-signup.command';
import { SignupJourneyEntity } from './domain/signup-journey.entity';
import { KYC_PROVIDER } from './ports/kyc-provider.port';
import { KycDecisionQueries } from './queries/kyc-decision.queries';
import { SignupQueries } from './queries/signup.queries';
import { SIGNUP_CONFIG, signupConfigFromEnv } from './signup.config';

defineContext({
  name: 'signup',
  entities: [SignupJourneyEntity],
  // Its tables stay in the portal's schema (portal_auth) next to the identities they reference;
  // cleared before identity's (the journey references portal_auth.identity).
  resetOrder: 4,
  reset: async (tx) => {
    for (const table of ['kyc_webhook_decision', 'signup_journey']) {
      await tx.query(`delete from portal_auth.${table}`);
    }
  },
});

const COMMANDS = [
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
 * The signup funnel: journey, number choice, details, KYC (prebaked or a Didit handoff, whose
 * signed webhooks land here), card, order and activation progress. Above identity (who signs up)
 * and orders (what it places); the journey lives in schema portal_auth.
 */
@Module({
  imports: [IdentityModule, CatalogModule, CrmModule, InventoryModule, PaymentModule, OrdersModule],
  providers: [
    { provide: SIGNUP_CONFIG, useFactory: () => signupConfigFromEnv() },
    { provide: KYC_PROVIDER, useFactory: (hasher: TokenHasher) => new PrebakedKycAdapter(hasher.derive('kyc-prebaked-signing')), inject: [TokenHasher] },
    SignupQueries,
    KycDecisionQueries,
    ...COMMANDS,
  ],
  exports: [SIGNUP_CONFIG, SignupQueries, KycDecisionQueries, ...COMMANDS],
})
export class SignupModule implements OnModuleInit {
  constructor(
    private readonly corroborations: KycCorroborationPort,
    private readonly decisions: KycDecisionQueries,
  ) {}

  /** This context receives Didit's webhooks, so it is the one that can corroborate didit attestations. */
  onModuleInit(): void {
    this.corroborations.register((provider, eventId) => this.decisions.corroboration(provider, eventId));
  }
}
