import { Module } from '@nestjs/common';
import { CatalogModule } from '@bss/catalog';
import { CrmModule } from '@bss/crm';
import { ExternalCallLog } from '@bss/audit';
import { Clock, Database, LOGGER, defineContext, type Logger, type Tx } from '@bss/platform';
import { DisabledLoyalty } from './adapters/disabled-loyalty.adapter';
import { EmbeddedLoyalty } from './adapters/embedded-loyalty.adapter';
import { LoyaltySettings } from './adapters/loyalty.settings';
import { RemoteLoyalty } from './adapters/remote-loyalty.adapter';
import { AssignPromotionCommand } from './commands/assign-promotion.command';
import { ClaimPromoCommand } from './commands/claim-promo.command';
import { CreatePromotionCommand } from './commands/create-promotion.command';
import { ExhaustPromotionCommand } from './commands/exhaust-promotion.command';
import { RedeemPromoCommand } from './commands/redeem-promo.command';
import { RevokePromoClaimCommand } from './commands/revoke-promo-claim.command';
import { UnassignPromotionCommand } from './commands/unassign-promotion.command';
import { LoyaltyLedgerEntity } from './domain/loyalty-ledger.entity';
import { LoyaltyOfferEntity } from './domain/loyalty-offer.entity';
import { OfferDefinitionEntity } from './domain/offer-definition.entity';
import { PromoCodeEntity } from './domain/promo-code.entity';
import { PromotionEligibilityEntity } from './domain/promotion-eligibility.entity';
import { PromotionEntity } from './domain/promotion.entity';
import { LoyaltyPort } from './ports/loyalty.port';
import { PromoQueries } from './queries/promo.queries';

/**
 * `bss admin reset` clears what customers did: claims and offers, the idempotency ledger (order
 * ids restart, so `<order>:claim` keys must not replay) and eligibility lists. Promotions and
 * their registered OD + code are operator data, like the catalog, and survive.
 */
async function resetPromos(tx: Tx): Promise<void> {
  await tx.query(`delete from promos.loyalty_offer`);
  await tx.query(`delete from promos.loyalty_ledger`);
  await tx.query(`delete from promos.promotion_eligibility`);
}

// No seed: promotions are created by operators (`bss promo create`), so the product page's
// WELCOME10 example works as shown on a fresh system.
export const PROMOS_CONTEXT = defineContext({
  name: 'promos',
  entities: [PromotionEntity, PromotionEligibilityEntity, OfferDefinitionEntity, PromoCodeEntity, LoyaltyOfferEntity, LoyaltyLedgerEntity],
  reset: resetPromos,
  resetOrder: 60,
  // The idempotency ledger is keyed by order, not customer; its rows stay (ids never repeat).
  forgetCustomers: async (tx, { customerIds }) => {
    await tx.query(`delete from promos.promotion_eligibility where customer_id = any($1)`, [customerIds]);
    await tx.query(`delete from promos.loyalty_offer where customer_id = any($1)`, [customerIds]);
    return {};
  },
  forgetOrder: 60,
});

function loyaltyPortFor(settings: LoyaltySettings, db: Database, clock: Clock, callLog: ExternalCallLog, logger: Logger): LoyaltyPort {
  if (settings.mode === 'embedded') return new EmbeddedLoyalty(db, clock);
  if (settings.mode === 'remote') return new RemoteLoyalty(settings, callLog, logger);
  return new DisabledLoyalty();
}

const COMMANDS = [
  CreatePromotionCommand,
  AssignPromotionCommand,
  UnassignPromotionCommand,
  ExhaustPromotionCommand,
  ClaimPromoCommand,
  RedeemPromoCommand,
  RevokePromoClaimCommand,
];

/** `BSS_LOYALTY_MODE` is read once, when the module boots. */
@Module({
  imports: [CatalogModule, CrmModule],
  providers: [
    { provide: LoyaltySettings, useFactory: (logger: Logger) => LoyaltySettings.fromEnv(logger), inject: [LOGGER] },
    { provide: LoyaltyPort, useFactory: loyaltyPortFor, inject: [LoyaltySettings, Database, Clock, ExternalCallLog, LOGGER] },
    ...COMMANDS,
    PromoQueries,
  ],
  exports: [...COMMANDS, PromoQueries],
})
export class PromosModule {}
