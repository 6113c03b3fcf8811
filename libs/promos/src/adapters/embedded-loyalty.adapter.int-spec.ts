import { Clock, NotFound, PolicyViolation } from '@bss/platform';
import type { TestApp } from '@bss/testing';
import { createPromoTestApp, loyaltyOf, type PromoTestApp } from '#promos/testing';
import { LoyaltyPort, type LoyaltyCall } from '#promos/ports/loyalty.port';
import { EmbeddedLoyalty } from './embedded-loyalty.adapter';

const call = (over: Partial<LoyaltyCall> = {}): LoyaltyCall => ({ actor: 'system:som', tenant: 'DEFAULT', ...over });
const CUSTOMERS = Array.from({ length: 20 }, (_, i) => `CUST-${String(i).padStart(8, '0')}`);

describe('EmbeddedLoyalty (BSS_LOYALTY_MODE=embedded)', () => {
  let t: PromoTestApp;
  let app: TestApp;
  let loyalty: LoyaltyPort;

  beforeAll(async () => {
    t = await createPromoTestApp('embedded');
    app = t.app;
    loyalty = loyaltyOf(app);
    await loyalty.registerOfferDefinition(call({ idempotencyKey: 'P:od' }), { id: 'OD_P', displayName: 'P', kind: 'regular' });
  });
  afterAll(() => t.close());

  const register = (code: string, kind: 'single_use_shared' | 'single_use_unique_per_customer' | 'multi_use') =>
    loyalty.registerPromoCode(call({ idempotencyKey: `${code}:code` }), { code, offerDefinitionId: 'OD_P', kind });
  const offerRows = async (code: string) => app.db.query<{ state: string; holds_inventory: boolean }>(`select state, holds_inventory from promos.loyalty_offer where source_code = $1`, [code]);

  it('is the adapter the module wires by default', () => {
    expect(loyalty).toBeInstanceOf(EmbeddedLoyalty);
    expect(loyalty.mode).toBe('embedded');
  });

  it('registers codes idempotently; another definition cannot take a code', async () => {
    expect(await register('REG1', 'multi_use')).toEqual({ code: 'REG1', offerDefinitionId: 'OD_P', kind: 'multi_use' });
    expect(await register('REG1', 'multi_use')).toEqual({ code: 'REG1', offerDefinitionId: 'OD_P', kind: 'multi_use' });
    await loyalty.registerOfferDefinition(call(), { id: 'OD_Q', displayName: 'Q', kind: 'regular' });
    await expect(loyalty.registerPromoCode(call({ actor: 'ops.other' }), { code: 'REG1', offerDefinitionId: 'OD_Q', kind: 'multi_use' })).rejects.toMatchObject({
      rule: 'promo_code.register.code_taken',
    });
    await expect(loyalty.registerPromoCode(call(), { code: 'REG2', offerDefinitionId: 'OD_NOPE', kind: 'multi_use' })).rejects.toBeInstanceOf(NotFound);
    await expect(loyalty.showPromoCode(call(), { code: 'NOPE' })).rejects.toBeInstanceOf(NotFound);
  });

  it('replays a write for the same actor + key and refuses the key for another tool', async () => {
    await register('ONCE1', 'single_use_shared');
    const first = await loyalty.claimOffer(call({ idempotencyKey: 'ORD-0001:claim' }), { customerId: CUSTOMERS[0], code: 'ONCE1' });
    const again = await loyalty.claimOffer(call({ idempotencyKey: 'ORD-0001:claim' }), { customerId: CUSTOMERS[0], code: 'ONCE1' });
    expect(again).toEqual(first);
    expect(await offerRows('ONCE1')).toHaveLength(1);
    await expect(loyalty.redeemOffer(call({ idempotencyKey: 'ORD-0001:claim' }), { offerId: first.offerId, orderRef: 'ORD-0001' })).rejects.toMatchObject({
      rule: 'loyalty.idempotency.key_reused',
    });
    // Another actor's key is its own: the shared code is used up for everybody.
    await expect(loyalty.claimOffer(call({ actor: 'system:other', idempotencyKey: 'ORD-0001:claim' }), { customerId: CUSTOMERS[1], code: 'ONCE1' })).rejects.toMatchObject({
      rule: 'offer.claim.code_exhausted',
    });
    await expect(loyalty.showPromoCode(call(), { code: 'ONCE1' })).rejects.toMatchObject({ rule: 'promo_code.show.exhausted' });
  });

  it('20 concurrent claims of a single_use_shared code: exactly one succeeds', async () => {
    await register('RACE1', 'single_use_shared');
    const results = await Promise.allSettled(CUSTOMERS.map((customerId, i) => loyalty.claimOffer(call({ idempotencyKey: `ORD-1${i}:claim` }), { customerId, code: 'RACE1' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as PolicyViolation).rule);
    expect(refusals).toEqual(Array(19).fill('offer.claim.code_exhausted'));
    expect(await offerRows('RACE1')).toEqual([{ state: 'claimed', holds_inventory: true }]);
  });

  it('20 concurrent claims that each must read the clock finish: no claim waits for a pooled connection inside its transaction', async () => {
    // A clock that never caches reads platform.clock on every call: read inside each claim's transaction, every pooled
    // connection was held by a claim waiting for one more, and the claims hung (as CI saw under load when the cache lapsed).
    const uncached = new EmbeddedLoyalty(app.db, new Clock(app.db, 0));
    await register('RACE2', 'single_use_shared');
    const results = await Promise.allSettled(CUSTOMERS.map((customerId, i) => uncached.claimOffer(call({ idempotencyKey: `ORD-9${i}:uncached-claim` }), { customerId, code: 'RACE2' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  }, 20_000);

  it('single_use_unique_per_customer: once per customer, concurrently too', async () => {
    await register('EACH1', 'single_use_unique_per_customer');
    const same = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => loyalty.claimOffer(call({ idempotencyKey: `ORD-2${i}:claim` }), { customerId: CUSTOMERS[0], code: 'EACH1' })));
    expect(same.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await expect(loyalty.claimOffer(call({ idempotencyKey: 'ORD-30:claim' }), { customerId: CUSTOMERS[1], code: 'EACH1' })).resolves.toHaveProperty('offerId');
  });

  it('multi_use: any number of claims', async () => {
    await register('MANY1', 'multi_use');
    const all = await Promise.all(CUSTOMERS.slice(0, 5).map((customerId, i) => loyalty.claimOffer(call({ idempotencyKey: `ORD-4${i}:claim` }), { customerId, code: 'MANY1' })));
    expect(new Set(all.map((c) => c.offerId)).size).toBe(5);
  });

  it('a revoked claim gives the code back; a redeemed one keeps it used', async () => {
    await register('ONCE2', 'single_use_shared');
    const claim = await loyalty.claimOffer(call({ idempotencyKey: 'ORD-50:claim' }), { customerId: CUSTOMERS[0], code: 'ONCE2' });
    const revoked = await loyalty.revokeOffer(call({ idempotencyKey: 'ORD-50:revoke' }), { offerId: claim.offerId, reason: 'order_cancelled', orderRef: 'ORD-50' });
    expect(revoked).toMatchObject({ state: 'revoked', orderRef: 'ORD-50' });
    const second = await loyalty.claimOffer(call({ idempotencyKey: 'ORD-51:claim' }), { customerId: CUSTOMERS[1], code: 'ONCE2' });
    expect(await loyalty.redeemOffer(call({ idempotencyKey: 'ORD-51:redeem' }), { offerId: second.offerId, orderRef: 'ORD-51' })).toMatchObject({ state: 'redeemed' });
    await expect(loyalty.claimOffer(call({ idempotencyKey: 'ORD-52:claim' }), { customerId: CUSTOMERS[2], code: 'ONCE2' })).rejects.toMatchObject({ rule: 'offer.claim.code_exhausted' });
  });

  it('moves issued offers through the FSM and refuses illegal moves with offer.<trigger>.illegal_state', async () => {
    const issued = await loyalty.issueOffer(call({ idempotencyKey: 'OFF-A' }), { offerId: 'OFF-A', offerDefinitionId: 'OD_P', customerId: CUSTOMERS[0], campaignId: 'PROMO_P' });
    expect(issued).toMatchObject({ offerId: 'OFF-A', state: 'issued', sourceType: 'campaign' });
    expect(await loyalty.issueOffer(call({ actor: 'x', idempotencyKey: 'k' }), { offerId: 'OFF-A', offerDefinitionId: 'OD_P', customerId: CUSTOMERS[0], campaignId: 'PROMO_P' })).toEqual(issued);
    await expect(loyalty.redeemOffer(call(), { offerId: 'OFF-A', orderRef: 'ORD-60' })).rejects.toMatchObject({ rule: 'offer.redeem.illegal_state' });
    expect(await loyalty.advanceToClaimed(call(), { offerId: 'OFF-A', orderRef: 'ORD-60' })).toMatchObject({ state: 'claimed', orderRef: 'ORD-60' });
    await expect(loyalty.expireOffer(call(), { offerId: 'OFF-A' })).rejects.toMatchObject({ rule: 'offer.expire.illegal_state' });
    await expect(loyalty.advanceToClaimed(call(), { offerId: 'OFF-NOPE' })).rejects.toBeInstanceOf(NotFound);
    const page = await loyalty.listOffers(call(), { customerId: CUSTOMERS[0], state: 'claimed', limit: 100 });
    expect(page.rows.map((r) => r.offerId)).toContain('OFF-A');
    expect(page).toMatchObject({ limit: 100, offset: 0, hasMore: false });
  });

  it("joins the caller's transaction: a refusal rolls back only the loyalty call, a rollback takes the claim with it", async () => {
    await register('ONCE3', 'single_use_shared');
    const db = app.db;
    await db.transaction(async (tx) => {
      await tx.query(`select 1`);
      await expect(loyalty.claimOffer(call({ tx, idempotencyKey: 'X:1' }), { customerId: CUSTOMERS[0], code: 'NOPE' })).rejects.toBeInstanceOf(NotFound);
      // Still usable after the refusal:
      await loyalty.claimOffer(call({ tx, idempotencyKey: 'X:2' }), { customerId: CUSTOMERS[0], code: 'ONCE3' });
      expect(await tx.query(`select count(*)::int as n from promos.loyalty_offer where source_code = 'ONCE3'`)).toEqual([{ n: 1 }]);
    });
    await expect(
      db.transaction(async (tx) => {
        await loyalty.revokeOffer(call({ tx }), { offerId: (await offerIdOf('ONCE3')) as string, reason: 'order_cancelled' });
        throw new Error('activation failed');
      }),
    ).rejects.toThrow('activation failed');
    expect(await offerRows('ONCE3')).toEqual([{ state: 'claimed', holds_inventory: true }]);
  });

  const offerIdOf = async (code: string) => (await app.db.query<{ id: string }>(`select id from promos.loyalty_offer where source_code = $1`, [code]))[0]?.id;
});
