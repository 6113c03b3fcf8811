import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { CatalogQueries } from '@bss/catalog';
import { Clock, Database, InvalidInput, NotFound, PolicyViolation, UpstreamFailed } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { LoyaltySettings } from '#promos/adapters/loyalty.settings';
import { discountLabel, twoDecimals } from '#promos/domain/discount.calc';
import { USED_OFFER_STATES, type LoyaltyMode } from '#promos/domain/loyalty.types';
import { PromotionEligibilityEntity } from '#promos/domain/promotion-eligibility.entity';
import { PromotionEntity } from '#promos/domain/promotion.entity';
import { PROMO_CODE_PATTERN, PROMOTION_STATES, normalizeCode, type PromotionState } from '#promos/domain/promotion.types';
import {
  toPromoIntent,
  toPromoTerms,
  toPromotionView,
  type CustomerOffer,
  type PromoPreview,
  type PromoSelection,
  type PromoTerms,
  type PromoValidation,
  type PromotionView,
} from '#promos/domain/promotion.views';
import { PROMO_REASONS } from '#promos/promos.errors';
import { cheapestOffer, promoRefusal } from '#promos/policies/promo-validation.policies';
import { assertLoyaltyConfigured, assertPromotionFound } from '#promos/policies/promotion.policies';
import { LoyaltyPort, type LoyaltyCall } from '#promos/ports/loyalty.port';

export interface PromotionListFilter {
  state?: PromotionState;
  /** Default 50, at most 200. */
  limit?: number;
  offset?: number;
}

export interface ValidateForOrderInput {
  code: string;
  offeringId: string;
  customerId?: string | null;
  /** Default: now. */
  at?: Date;
  /** The order's price snapshot; default the catalog's active price at `at`. */
  baseAmount?: string;
}

export interface SelectForOrderInput {
  customerId: string;
  offeringId: string;
  /** The order item's price snapshot: the discount composes on it, never on the live catalog. */
  baseAmount: string;
  promoCode?: string | null;
  /** The customer removed the pre-applied targeted offer. */
  skipAssignedOffer?: boolean;
  at: Date;
}

export interface ResolveEligibleInput {
  customerId: string;
  offeringId: string;
  at?: Date;
  baseAmount?: string;
}

const MAX_LIST = 200;

/**
 * Reads of promotions and the order-time questions: does this code apply (and at what price),
 * which targeted offer does this customer get, what should this order stamp. Pure reads: the
 * loyalty engine is only asked (`promo_code.show`, `offer.list`), never written.
 */
@Injectable()
export class PromoQueries {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly catalog: CatalogQueries,
    private readonly loyalty: LoyaltyPort,
    private readonly settings: LoyaltySettings,
  ) {}

  private get em(): EntityManager {
    return this.db.manager;
  }

  /** Whether promotions are on: the portal shows no code field and the CLI refuses when off. */
  status(): { mode: LoyaltyMode; enabled: boolean } {
    return { mode: this.settings.mode, enabled: this.settings.enabled };
  }

  async get(promotionId: string): Promise<PromotionView> {
    assertLoyaltyConfigured(this.settings.mode);
    const promotion = await this.em.findOneBy(PromotionEntity, { id: promotionId, tenantId: currentAuth().tenant });
    assertPromotionFound(promotion, promotionId);
    return toPromotionView(promotion);
  }

  async list(filter: PromotionListFilter = {}): Promise<PromotionView[]> {
    assertLoyaltyConfigured(this.settings.mode);
    if (filter.state !== undefined && !PROMOTION_STATES.includes(filter.state)) {
      throw new InvalidInput([{ field: 'state', messages: [`state must be one of ${PROMOTION_STATES.join(', ')}`] }]);
    }
    const rows = await this.em.find(PromotionEntity, {
      where: { tenantId: currentAuth().tenant, ...(filter.state ? { state: filter.state } : {}) },
      order: { id: 'ASC' },
      take: Math.min(Math.max(filter.limit ?? 50, 1), MAX_LIST),
      skip: Math.max(filter.offset ?? 0, 0),
    });
    return rows.map(toPromotionView);
  }

  /**
   * Does `code` apply to an order of `offeringId` by `customerId` at `at`? Never throws for a
   * bad code: the answer carries the first failing reason of spec §6.3.
   */
  async validateForOrder(input: ValidateForOrderInput): Promise<PromoValidation> {
    const code = normalizeCode(input.code ?? '');
    const refuse = (reason: string): PromoValidation => ({ valid: false, code, offeringId: input.offeringId, reason, terms: null });
    if (!this.settings.enabled) return refuse(PROMO_REASONS.loyaltyNotConfigured);
    if (!PROMO_CODE_PATTERN.test(code)) return refuse(PROMO_REASONS.unknownCode);
    const at = input.at ?? (await this.clock.now());

    let offerDefinitionId: string;
    try {
      offerDefinitionId = (await this.loyalty.showPromoCode(this.readCall(), { code })).offerDefinitionId;
    } catch (error) {
      return refuse(reasonOfLoyaltyError(error));
    }
    const tenantId = currentAuth().tenant;
    const promotion = await this.em.findOneBy(PromotionEntity, { offerDefinitionId, tenantId });
    const eligibility =
      promotion?.audience === 'targeted' && input.customerId
        ? await this.em.findOneBy(PromotionEligibilityEntity, { promotionId: promotion.id, customerId: input.customerId, tenantId })
        : null;
    const base = input.baseAmount ?? (await this.basePrice(input.offeringId, at));
    const reason = promoRefusal({ promotion, eligible: eligibility !== null, offeringId: input.offeringId, at, base });
    if (reason || !promotion || base === null) return refuse(reason ?? PROMO_REASONS.unlinkedCode);
    return { valid: true, code, offeringId: input.offeringId, reason: null, terms: toPromoTerms(promotion, base, eligibility?.loyaltyOfferId ?? null) };
  }

  /** The signup page's live preview at today's catalog price; a blank code previews nothing. */
  async preview(input: { code?: string | null; offeringId: string; customerId?: string | null }): Promise<PromoPreview | null> {
    if (!input.code?.trim()) return null;
    const v = await this.validateForOrder({ code: input.code, offeringId: input.offeringId, customerId: input.customerId });
    return {
      valid: v.valid,
      code: v.code,
      offeringId: v.offeringId,
      name: v.terms?.name ?? null,
      label: v.terms?.label ?? null,
      base: v.terms?.base ?? null,
      effective: v.terms?.effective ?? null,
      currency: v.terms?.currency ?? null,
      reason: v.reason,
    };
  }

  /**
   * The cheapest targeted offer this customer may use on `offeringId` (first promotion id wins a
   * tie), or null. Offers already claimed or redeemed in the loyalty engine are used up, except
   * multi-use ones; if the engine cannot be asked, none count as used.
   */
  async resolveEligible(input: ResolveEligibleInput): Promise<PromoTerms | null> {
    if (!this.settings.enabled) return null;
    const at = input.at ?? (await this.clock.now());
    const candidates = await this.eligiblePromotions(input.customerId);
    if (candidates.length === 0) return null;
    const used = await this.usedOfferDefinitions(input.customerId).catch(() => new Set<string>());
    const base = input.baseAmount ?? (await this.basePrice(input.offeringId, at));
    const priced: PromoTerms[] = [];
    for (const { promotion, eligibility } of candidates) {
      if (promotion.codeKind !== 'multi_use' && used.has(promotion.offerDefinitionId ?? '')) continue;
      if (promoRefusal({ promotion, eligible: true, offeringId: input.offeringId, at, base }) !== null || base === null) continue;
      priced.push(toPromoTerms(promotion, base, eligibility.loyaltyOfferId));
    }
    return cheapestOffer(priced);
  }

  /** Targeted offers the customer still has, for the dashboard; hidden when the engine cannot say. */
  async customerOffers(customerId: string): Promise<CustomerOffer[]> {
    if (!this.settings.enabled) return [];
    const at = await this.clock.now();
    const candidates = await this.eligiblePromotions(customerId);
    if (candidates.length === 0) return [];
    let used: Set<string>;
    try {
      used = await this.usedOfferDefinitions(customerId);
    } catch {
      return [];
    }
    return candidates
      .map((c) => c.promotion)
      .filter((p) => (p.codeKind === 'multi_use' || !used.has(p.offerDefinitionId ?? '')) && (!p.validFrom || p.validFrom <= at) && (!p.validTo || p.validTo > at))
      .map((p) => ({
        promotionId: p.id,
        code: p.code,
        state: 'eligible' as const,
        promotion: {
          name: p.name,
          label: discountLabel(p, p.currency),
          discountType: p.discountType,
          discountValue: twoDecimals(p.discountValue),
          durationKind: p.durationKind,
          periodsTotal: p.periodsTotal,
        },
      }));
  }

  /**
   * What a new order stamps (spec §6.3 "never stack"): a valid typed code wins; otherwise the
   * cheapest eligible targeted offer unless the customer removed it; otherwise nothing. A bad
   * code never blocks the order, it is only reported back.
   */
  async selectForOrder(input: SelectForOrderInput): Promise<PromoSelection> {
    const typed = input.promoCode?.trim() ? input.promoCode : null;
    if (!this.settings.enabled) {
      return { intent: null, codeRefusal: typed ? { code: normalizeCode(typed), reason: PROMO_REASONS.loyaltyNotConfigured } : null };
    }
    let codeRefusal: PromoSelection['codeRefusal'] = null;
    if (typed) {
      const v = await this.validateForOrder({ code: typed, offeringId: input.offeringId, customerId: input.customerId, at: input.at, baseAmount: input.baseAmount });
      if (v.valid && v.terms) return { intent: toPromoIntent(v.terms, 'code'), codeRefusal: null };
      codeRefusal = { code: v.code, reason: v.reason ?? PROMO_REASONS.unknownCode };
    }
    if (!input.skipAssignedOffer) {
      const offer = await this.resolveEligible({ customerId: input.customerId, offeringId: input.offeringId, at: input.at, baseAmount: input.baseAmount });
      if (offer) return { intent: toPromoIntent(offer, 'targeted'), codeRefusal };
    }
    return { intent: null, codeRefusal };
  }

  /** Active targeted promotions the customer is on the list of, by promotion id. */
  private async eligiblePromotions(customerId: string): Promise<{ promotion: PromotionEntity; eligibility: PromotionEligibilityEntity }[]> {
    const tenantId = currentAuth().tenant;
    const rows = await this.em.findBy(PromotionEligibilityEntity, { customerId, tenantId });
    if (rows.length === 0) return [];
    const promotions = await this.em.find(PromotionEntity, {
      where: { id: In(rows.map((r) => r.promotionId)), tenantId, state: 'active', audience: 'targeted' },
      order: { id: 'ASC' },
    });
    return promotions.map((promotion) => ({ promotion, eligibility: rows.find((r) => r.promotionId === promotion.id)! }));
  }

  private async usedOfferDefinitions(customerId: string): Promise<Set<string>> {
    const page = await this.loyalty.listOffers(this.readCall(), { customerId, limit: 100 });
    return new Set(page.rows.filter((o) => USED_OFFER_STATES.includes(o.state)).map((o) => o.offerDefinitionId));
  }

  /** The catalog's active price at `at`, or null when the offering cannot be priced. */
  private async basePrice(offeringId: string, at: Date): Promise<string | null> {
    try {
      return (await this.catalog.activePrice(offeringId, at)).amount;
    } catch (error) {
      if (error instanceof PolicyViolation || error instanceof NotFound) return null;
      throw error;
    }
  }

  private readCall(): LoyaltyCall {
    const auth = currentAuth();
    return { actor: auth.actor, tenant: auth.tenant };
  }
}

/** `promo_code.show` failing: unknown code, the engine's refusal rule, or the engine unreachable. */
function reasonOfLoyaltyError(error: unknown): string {
  if (error instanceof NotFound) return PROMO_REASONS.unknownCode;
  if (error instanceof PolicyViolation) return error.rule;
  if (error instanceof UpstreamFailed) return PROMO_REASONS.loyaltyUnavailable;
  throw error;
}
