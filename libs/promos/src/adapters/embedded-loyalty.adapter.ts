import { Clock, Database, NotFound, randomId, type Tx } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { LoyaltyLedgerEntity } from '#promos/domain/loyalty-ledger.entity';
import { LoyaltyOfferEntity } from '#promos/domain/loyalty-offer.entity';
import { OFFER_TRANSITIONS, type OfferTrigger } from '#promos/domain/loyalty-offer.state';
import { LOYALTY_RULES, type LoyaltyOfferRecord, type OfferDefinitionRecord, type OfferPage, type PromoCodeRecord } from '#promos/domain/loyalty.types';
import { OfferDefinitionEntity } from '#promos/domain/offer-definition.entity';
import { PromoCodeEntity } from '#promos/domain/promo-code.entity';
import { assertCanClaim, assertCodeAvailable, assertCodeRegistrable, assertLedgerTool, assertOfferIssuable } from '#promos/policies/loyalty.policies';
import {
  LoyaltyPort,
  type IssueOfferArgs,
  type ListOffersArgs,
  type LoyaltyCall,
  type RegisterOfferDefinitionArgs,
  type RegisterPromoCodeArgs,
  type RevokeOfferArgs,
} from '#promos/ports/loyalty.port';

const MAX_PAGE = 100;

export function toOfferRecord(o: LoyaltyOfferEntity): LoyaltyOfferRecord {
  return {
    offerId: o.id,
    offerDefinitionId: o.offerDefinitionId,
    customerId: o.customerId,
    state: o.state,
    sourceType: o.sourceType,
    sourceCode: o.sourceCode,
    orderRef: o.orderRef,
  };
}

/**
 * `BSS_LOYALTY_MODE=embedded`: the entitlement engine on our own tables. A call that brings the
 * caller's transaction joins it behind a savepoint, so a claim commits or vanishes with the
 * activation, and a refusal leaves the caller's transaction usable.
 */
export class EmbeddedLoyalty extends LoyaltyPort {
  readonly mode = 'embedded' as const;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    super();
  }

  async registerOfferDefinition(call: LoyaltyCall, args: RegisterOfferDefinitionArgs): Promise<OfferDefinitionRecord> {
    return this.write(call, 'offer_definition.register', async (tx, now) => {
      const existing = await tx.findOneBy(OfferDefinitionEntity, { id: args.id, tenantId: call.tenant });
      if (!existing) {
        await tx.insert(OfferDefinitionEntity, { ...args, createdBy: call.actor, createdAt: now, tenantId: call.tenant });
      }
      const od = existing ?? args;
      return { id: od.id, displayName: od.displayName, kind: od.kind };
    });
  }

  async registerPromoCode(call: LoyaltyCall, args: RegisterPromoCodeArgs): Promise<PromoCodeRecord> {
    return this.write(call, 'promo_code.register', async (tx, now) => {
      if (!(await tx.existsBy(OfferDefinitionEntity, { id: args.offerDefinitionId, tenantId: call.tenant }))) {
        throw new NotFound('offer_definition', args.offerDefinitionId);
      }
      const existing = await tx.findOneBy(PromoCodeEntity, { code: args.code, tenantId: call.tenant });
      assertCodeRegistrable(args.code, existing?.offerDefinitionId ?? null, args.offerDefinitionId);
      if (!existing) await tx.insert(PromoCodeEntity, { ...args, createdBy: call.actor, createdAt: now, tenantId: call.tenant });
      const code = existing ?? args;
      return { code: code.code, offerDefinitionId: code.offerDefinitionId, kind: code.kind };
    });
  }

  async showPromoCode(call: LoyaltyCall, args: { code: string }): Promise<PromoCodeRecord> {
    const em = call.tx ?? this.db.manager;
    const code = await em.findOneBy(PromoCodeEntity, { code: args.code, tenantId: call.tenant });
    if (!code) throw new NotFound('promo_code', args.code);
    assertCodeAvailable(code.code, code.kind, await this.holders(em, call.tenant, code.code));
    return { code: code.code, offerDefinitionId: code.offerDefinitionId, kind: code.kind };
  }

  async issueOffer(call: LoyaltyCall, args: IssueOfferArgs): Promise<LoyaltyOfferRecord> {
    return this.write(call, 'offer.issue', async (tx, now) => {
      if (!(await tx.existsBy(OfferDefinitionEntity, { id: args.offerDefinitionId, tenantId: call.tenant }))) {
        throw new NotFound('offer_definition', args.offerDefinitionId);
      }
      const existing = await tx.findOneBy(LoyaltyOfferEntity, { id: args.offerId });
      assertOfferIssuable(args.offerId, existing, args);
      if (existing) return toOfferRecord(existing);
      const offer = tx.create(LoyaltyOfferEntity, {
        id: args.offerId,
        tenantId: call.tenant,
        offerDefinitionId: args.offerDefinitionId,
        customerId: args.customerId,
        state: 'issued',
        sourceType: 'campaign',
        sourceCode: null,
        campaignId: args.campaignId,
        codeKind: null,
        holdsInventory: false,
        orderRef: null,
        revokeReason: null,
        issuedAt: now,
        claimedAt: null,
        redeemedAt: null,
        expiredAt: null,
        revokedAt: null,
        updatedAt: now,
      });
      await tx.insert(LoyaltyOfferEntity, offer);
      return toOfferRecord(offer);
    });
  }

  async listOffers(call: LoyaltyCall, args: ListOffersArgs): Promise<OfferPage> {
    const limit = Math.min(Math.max(args.limit ?? MAX_PAGE, 1), MAX_PAGE);
    const offset = Math.max(args.offset ?? 0, 0);
    const rows = await (call.tx ?? this.db.manager).find(LoyaltyOfferEntity, {
      where: {
        tenantId: call.tenant,
        ...(args.customerId ? { customerId: args.customerId } : {}),
        ...(args.state ? { state: args.state } : {}),
        ...(args.offerDefinitionId ? { offerDefinitionId: args.offerDefinitionId } : {}),
      },
      order: { issuedAt: 'ASC', id: 'ASC' },
      skip: offset,
      take: limit + 1,
    });
    return { rows: rows.slice(0, limit).map(toOfferRecord), limit, offset, hasMore: rows.length > limit };
  }

  async claimOffer(call: LoyaltyCall, args: { customerId: string; code: string }): Promise<{ offerId: string }> {
    return this.write(call, 'offer.claim', async (tx, now) => {
      // The code row is the lock every claim of this code queues on: with it held, the count
      // of holders below is current, so "first wins" holds under any concurrency.
      const code = await tx.findOne(PromoCodeEntity, { where: { code: args.code, tenantId: call.tenant }, lock: { mode: 'pessimistic_write' } });
      if (!code) throw new NotFound('promo_code', args.code);
      assertCanClaim(code.code, code.kind, args.customerId, await this.holders(tx, call.tenant, code.code));
      const offerId = randomId('OFF');
      await tx.insert(LoyaltyOfferEntity, {
        id: offerId,
        tenantId: call.tenant,
        offerDefinitionId: code.offerDefinitionId,
        customerId: args.customerId,
        state: 'claimed',
        sourceType: 'promo_code',
        sourceCode: code.code,
        campaignId: null,
        codeKind: code.kind,
        holdsInventory: true,
        orderRef: null,
        revokeReason: null,
        issuedAt: now,
        claimedAt: now,
        redeemedAt: null,
        expiredAt: null,
        revokedAt: null,
        updatedAt: now,
      });
      return { offerId };
    });
  }

  async advanceToClaimed(call: LoyaltyCall, args: { offerId: string; orderRef?: string }): Promise<LoyaltyOfferRecord> {
    return this.move(call, 'offer.advance_to_claimed', args.offerId, 'advance_to_claimed', (o, now) => {
      o.claimedAt = now;
      o.holdsInventory = true;
      o.orderRef = args.orderRef ?? o.orderRef;
    });
  }

  async redeemOffer(call: LoyaltyCall, args: { offerId: string; orderRef: string }): Promise<LoyaltyOfferRecord> {
    return this.move(call, 'offer.redeem', args.offerId, 'redeem', (o, now) => {
      o.redeemedAt = now;
      o.orderRef = args.orderRef;
    });
  }

  async expireOffer(call: LoyaltyCall, args: { offerId: string }): Promise<LoyaltyOfferRecord> {
    return this.move(call, 'offer.expire', args.offerId, 'expire', (o, now) => {
      o.expiredAt = now;
    });
  }

  async revokeOffer(call: LoyaltyCall, args: RevokeOfferArgs): Promise<LoyaltyOfferRecord> {
    return this.move(call, 'offer.revoke', args.offerId, 'revoke', (o, now) => {
      o.revokedAt = now;
      o.revokeReason = args.reason;
      o.orderRef = args.orderRef ?? o.orderRef;
      // Restoring inventory gives the code's claim back (the customer may use it again).
      if (args.restoreInventory ?? true) o.holdsInventory = false;
    });
  }

  /** Customers whose offers currently use up `code`'s inventory. */
  private async holders(em: Tx, tenant: string, code: string): Promise<string[]> {
    const rows = await em.find(LoyaltyOfferEntity, { where: { tenantId: tenant, sourceCode: code, holdsInventory: true }, select: { customerId: true } });
    return rows.map((r) => r.customerId);
  }

  private async move(call: LoyaltyCall, tool: string, offerId: string, trigger: OfferTrigger, apply: (o: LoyaltyOfferEntity, now: Date) => void): Promise<LoyaltyOfferRecord> {
    return this.write(call, tool, async (tx, now) => {
      const offer = await tx.findOne(LoyaltyOfferEntity, { where: { id: offerId, tenantId: call.tenant }, lock: { mode: 'pessimistic_write' } });
      if (!offer) throw new NotFound('offer', offerId);
      offer.state = assertTransition(OFFER_TRANSITIONS, offer.state, trigger, LOYALTY_RULES.illegalState(trigger), { type: 'offer', id: offerId });
      apply(offer, now);
      offer.updatedAt = now;
      await tx.save(LoyaltyOfferEntity, offer);
      return toOfferRecord(offer);
    });
  }

  /**
   * One engine write: replay the recorded answer for a known (actor, key), else do the work and
   * record its answer, all in one transaction (the caller's, behind a savepoint, or our own).
   */
  private async write<T>(call: LoyaltyCall, tool: string, work: (tx: Tx, now: Date) => Promise<T>): Promise<T> {
    // Read before the transaction opens: inside it, a clock whose cache has lapsed waits for a second pooled connection, and
    // with every pooled connection held by a claim queued on the same code row none comes (CI saw 20 concurrent claims hang).
    const now = call.now ?? (await this.clock.now());
    const run = async (tx: Tx): Promise<T> => {
      const key = call.idempotencyKey;
      if (key) {
        // Two calls with one key queue here instead of racing to the ledger insert.
        await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [JSON.stringify(['loyalty', call.tenant, call.actor, key])]);
        const entry = await tx.findOneBy(LoyaltyLedgerEntity, { tenantId: call.tenant, actor: call.actor, idempotencyKey: key });
        if (entry) {
          assertLedgerTool(key, entry.tool, tool);
          return entry.response as T;
        }
      }
      const result = await work(tx, now);
      if (key) await tx.insert(LoyaltyLedgerEntity, { tenantId: call.tenant, actor: call.actor, idempotencyKey: key, tool, response: result as object, createdAt: now });
      return result;
    };
    if (!call.tx) return this.db.transaction(run);
    const savepoint = 'loyalty_call';
    await call.tx.query(`savepoint ${savepoint}`);
    try {
      const result = await run(call.tx);
      await call.tx.query(`release savepoint ${savepoint}`);
      return result;
    } catch (error) {
      await call.tx.query(`rollback to savepoint ${savepoint}`);
      throw error;
    }
  }
}
