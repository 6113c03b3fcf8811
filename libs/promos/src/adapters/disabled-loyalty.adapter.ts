import type { LoyaltyOfferRecord, OfferDefinitionRecord, OfferPage, PromoCodeRecord } from '#promos/domain/loyalty.types';
import { assertLoyaltyConfigured } from '#promos/policies/promotion.policies';
import { LoyaltyPort } from '#promos/ports/loyalty.port';

/**
 * `BSS_LOYALTY_MODE=off`: there is no engine. Callers check `LoyaltySettings.enabled` and stay
 * quiet; reaching this adapter anyway answers `promo.loyalty_not_configured`.
 */
export class DisabledLoyalty extends LoyaltyPort {
  readonly mode = 'off' as const;

  private refuse(): never {
    assertLoyaltyConfigured(this.mode);
    throw new Error('unreachable');
  }

  async registerOfferDefinition(): Promise<OfferDefinitionRecord> {
    return this.refuse();
  }
  async registerPromoCode(): Promise<PromoCodeRecord> {
    return this.refuse();
  }
  async showPromoCode(): Promise<PromoCodeRecord> {
    return this.refuse();
  }
  async issueOffer(): Promise<LoyaltyOfferRecord> {
    return this.refuse();
  }
  async listOffers(): Promise<OfferPage> {
    return this.refuse();
  }
  async claimOffer(): Promise<{ offerId: string }> {
    return this.refuse();
  }
  async advanceToClaimed(): Promise<LoyaltyOfferRecord> {
    return this.refuse();
  }
  async redeemOffer(): Promise<LoyaltyOfferRecord> {
    return this.refuse();
  }
  async expireOffer(): Promise<LoyaltyOfferRecord> {
    return this.refuse();
  }
  async revokeOffer(): Promise<LoyaltyOfferRecord> {
    return this.refuse();
  }
}
