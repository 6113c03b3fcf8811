import { AuditQueries, UnitOfWork } from '@bss/audit';
import { runWithAuth } from '@bss/policies';
import type { TestApp } from '@bss/testing';
import type { PromoIntent } from '#promos/domain/promotion.views';
import { PromoQueries } from '#promos/queries/promo.queries';
import { TEST_OPERATOR, createPromoTestApp, givenAssignment, givenPromoCustomer, givenPromotion, loyaltyOf, type PromoTestApp } from '#promos/testing';
import { ClaimPromoCommand, type ClaimPromoInput } from './claim-promo.command';
import { ExhaustPromotionCommand } from './exhaust-promotion.command';
import { RedeemPromoCommand } from './redeem-promo.command';
import { RevokePromoClaimCommand } from './revoke-promo-claim.command';

const NOW = new Date('2026-03-01T00:00:00Z');

/** What orders does: the intent stamped at creation, claimed at activation. */
function claimInput(orderId: string, customerId: string, intent: PromoIntent): ClaimPromoInput {
  return {
    orderId,
    customerId,
    promoCode: intent.promoCode,
    promoOfferDefinitionId: intent.promoOfferDefinitionId,
    promoOfferId: intent.promoOfferId,
    discountType: intent.discountType,
    discountValue: intent.discountValue,
    discountPeriodsTotal: intent.discountPeriodsTotal,
  };
}

describe.each(['embedded', 'remote'] as const)('ClaimPromo / RedeemPromo / RevokePromoClaim — %s loyalty', (mode) => {
  let t: PromoTestApp;
  let app: TestApp;
  let customers: string[];
  let orderSeq = 0;
  const nextOrder = () => `ORD-${String(++orderSeq).padStart(4, '0')}`;
  const intentFor = async (customerId: string, promoCode?: string) =>
    (await app.get(PromoQueries).selectForOrder({ customerId, offeringId: 'PLAN_M', baseAmount: '25.00', promoCode, at: NOW })).intent!;
  const claim = (input: ClaimPromoInput) => app.get(ClaimPromoCommand).execute(input);
  const loyaltyWrites = () => (t.double ? t.double.calls.filter((c) => !['promo_code.show', 'offer.list'].includes(c.tool)).length : 0);
  const offerRows = async () => (await loyaltyOf(app).listOffers({ actor: 'x', tenant: 'DEFAULT' }, {})).rows;

  beforeAll(async () => {
    t = await createPromoTestApp(mode);
    app = t.app;
    await app.clock.freeze(NOW);
    await givenPromotion(app, { promotionId: 'PROMO_ONCE', codeKind: 'single_use_shared', durationKind: 'multi', periodsTotal: 3 });
    await givenPromotion(app, { promotionId: 'PROMO_RACE', codeKind: 'single_use_shared' });
    await givenPromotion(app, { promotionId: 'PROMO_MANY', durationKind: 'perpetual', discountType: 'absolute', discountValue: '5' });
    await givenPromotion(app, { promotionId: 'PROMO_VIP', audience: 'targeted' });
    customers = [];
    for (let i = 0; i < 20; i++) customers.push((await givenPromoCustomer(app, `C${i}`)).id);
    await givenAssignment(app, 'PROMO_VIP', [customers[0]]);
  });
  afterAll(() => t.close());

  it('an order stamps the intent without touching loyalty; the code is claimed only at activation', async () => {
    t.double?.clearCalls();
    const before = (await offerRows()).length;
    const first = await intentFor(customers[0], 'ONCE');
    const second = await intentFor(customers[1], 'ONCE');
    expect(first).toMatchObject({ promoCode: 'ONCE', discountPeriodsTotal: 3, effectiveAmount: '20.00', source: 'code' });
    expect(second.promotionId).toBe('PROMO_ONCE');
    expect(loyaltyWrites()).toBe(0);
    expect((await offerRows()).length).toBe(before);

    // First activation wins the single-use code; the other order activates at full price.
    const o1 = nextOrder();
    const won = await claim(claimInput(o1, customers[0], first));
    expect(won).toEqual({
      outcome: 'claimed',
      offerId: expect.any(String),
      discount: { discountType: 'percent', discountValue: '20.00', discountPeriodsTotal: 3, promoCode: 'ONCE', promoOfferDefinitionId: 'OD_PROMO_ONCE' },
    });
    const o2 = nextOrder();
    expect(await claim(claimInput(o2, customers[1], second))).toEqual({ outcome: 'not_applied', reason: 'claim_refused', rule: 'offer.claim.code_exhausted' });
    const audit = app.get(AuditQueries);
    expect((await audit.list({ aggregateId: o1, eventType: 'promo.claimed' }))[0].payload).toMatchObject({ orderId: o1, promotionId: 'PROMO_ONCE', promoCode: 'ONCE' });
    expect((await audit.list({ aggregateId: o2, eventType: 'promo.claim_refused' }))[0].payload).toMatchObject({ reason: 'claim_refused', rule: 'offer.claim.code_exhausted' });
    if (t.double) expect(t.double.callsTo('offer.claim').map((c) => c.idempotencyKey)).toEqual([`${o1}:claim`, `${o2}:claim`]);
  });

  it('claiming the same order again is idempotent (key <order>:claim)', async () => {
    const intent = await intentFor(customers[2], 'MANY');
    const order = nextOrder();
    const a = await claim(claimInput(order, customers[2], intent));
    const b = await claim(claimInput(order, customers[2], intent));
    expect(b).toEqual(a);
    expect((await offerRows()).filter((o) => o.customerId === customers[2])).toHaveLength(1);
  });

  it('a payment decline revokes the claim (order_cancelled) and gives the code back; success redeems it', async () => {
    await givenPromotion(app, { promotionId: 'PROMO_SOLO', codeKind: 'single_use_shared' });
    const o1 = nextOrder();
    const claimed = await claim(claimInput(o1, customers[3], await intentFor(customers[3], 'SOLO')));
    if (claimed.outcome !== 'claimed') throw new Error('expected a claim');
    expect(await app.get(RevokePromoClaimCommand).execute({ orderId: o1, offerId: claimed.offerId })).toEqual({ outcome: 'revoked' });
    expect((await offerRows()).find((o) => o.offerId === claimed.offerId)).toMatchObject({ state: 'revoked' });

    const o2 = nextOrder();
    const retried = await claim(claimInput(o2, customers[4], await intentFor(customers[4], 'SOLO')));
    expect(retried.outcome).toBe('claimed');
    if (retried.outcome !== 'claimed') return;
    expect(await app.get(RedeemPromoCommand).execute({ orderId: o2, offerId: retried.offerId })).toEqual({ outcome: 'redeemed' });
    expect((await offerRows()).find((o) => o.offerId === retried.offerId)).toMatchObject({ state: 'redeemed', orderRef: o2 });
    // Redeeming twice replays; a redeemed offer cannot be revoked.
    expect(await app.get(RedeemPromoCommand).execute({ orderId: o2, offerId: retried.offerId })).toEqual({ outcome: 'redeemed' });
    expect(await app.get(RevokePromoClaimCommand).execute({ orderId: o2, offerId: retried.offerId })).toMatchObject({ outcome: 'failed', rule: 'offer.revoke.illegal_state' });
    if (t.double) {
      expect(t.double.callsTo('offer.revoke')[0]).toMatchObject({ idempotencyKey: `${o1}:revoke`, body: { offer_id: claimed.offerId, reason: 'order_cancelled', order_ref: o1 } });
      expect(t.double.callsTo('offer.redeem')[0]).toMatchObject({ idempotencyKey: `${o2}:redeem` });
    }
  });

  it('20 concurrent claims of a single_use_shared code → exactly one succeeds', async () => {
    const intents = await Promise.all(customers.map((c) => intentFor(c, 'RACE')));
    const results = await Promise.all(intents.map((intent, i) => claim(claimInput(`ORD-${5000 + i}`, customers[i], intent))));
    expect(results.filter((r) => r.outcome === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'not_applied').map((r) => (r.outcome === 'not_applied' ? r.rule : null))).toEqual(Array(19).fill('offer.claim.code_exhausted'));
  });

  it('a targeted order advances its pre-paired offer; it cannot be claimed twice', async () => {
    const intent = await intentFor(customers[0]);
    expect(intent).toMatchObject({ source: 'targeted', promoOfferId: `OFF-${customers[0]}-PROMO_VIP` });
    const o1 = nextOrder();
    expect(await claim(claimInput(o1, customers[0], intent))).toMatchObject({ outcome: 'claimed', offerId: `OFF-${customers[0]}-PROMO_VIP` });
    expect((await offerRows()).find((o) => o.offerId === intent.promoOfferId)).toMatchObject({ state: 'claimed', orderRef: o1 });
    expect(await claim(claimInput(nextOrder(), customers[0], intent))).toMatchObject({ outcome: 'not_applied', rule: 'offer.advance_to_claimed.illegal_state' });
  });

  it('a promotion exhausted after the order was placed is not applied', async () => {
    await givenPromotion(app, { promotionId: 'PROMO_LATE' });
    const intent = await intentFor(customers[5], 'LATE');
    await runWithAuth({ actor: TEST_OPERATOR }, () => app.get(ExhaustPromotionCommand).execute({ promotionId: 'PROMO_LATE' }));
    expect(await claim(claimInput(nextOrder(), customers[5], intent))).toEqual({ outcome: 'not_applied', reason: 'no_active_promotion', rule: null });
  });

  if (mode === 'embedded') {
    it("joins the activation's transaction: if activation fails the claim never happened", async () => {
      await givenPromotion(app, { promotionId: 'PROMO_ATOMIC', codeKind: 'single_use_shared' });
      const intent = await intentFor(customers[6], 'ATOMIC');
      const order = nextOrder();
      await expect(
        app.get(UnitOfWork).run(async (w) => {
          expect((await app.get(ClaimPromoCommand).executeIn(w, claimInput(order, customers[6], intent))).outcome).toBe('claimed');
          throw new Error('provisioning failed');
        }),
      ).rejects.toThrow('provisioning failed');
      expect((await app.get(PromoQueries).validateForOrder({ code: 'ATOMIC', offeringId: 'PLAN_M' })).valid).toBe(true);
      expect((await claim(claimInput(nextOrder(), customers[7], intent))).outcome).toBe('claimed');
    });
  }

  if (mode === 'remote') {
    it('an unreachable engine never blocks activation: not applied, full price', async () => {
      const intent = await intentFor(customers[8], 'MANY');
      t.double!.failNext('offer.claim', { status: 502 });
      expect(await claim(claimInput(nextOrder(), customers[8], intent))).toEqual({ outcome: 'not_applied', reason: 'loyalty_unavailable', rule: null });
      t.double!.failNext('offer.revoke', { status: 502 });
      expect(await app.get(RevokePromoClaimCommand).execute({ orderId: 'ORD-0999', offerId: 'OFF-x' })).toMatchObject({ outcome: 'failed' });
    });
  }
});

describe('ClaimPromo — loyalty off', () => {
  let t: PromoTestApp;
  beforeAll(async () => {
    t = await createPromoTestApp('off');
  });
  afterAll(async () => {
    await t.close();
    process.env.BSS_LOYALTY_MODE = 'embedded';
  });

  it('is a quiet no-op: nothing claimed, nothing written', async () => {
    const input: ClaimPromoInput = {
      orderId: 'ORD-0001',
      customerId: 'CUST-0000000a',
      promoCode: 'WELCOME10',
      promoOfferDefinitionId: 'OD_PROMO_WELCOME10',
      discountType: 'percent',
      discountValue: '10.00',
      discountPeriodsTotal: 3,
    };
    expect(await t.app.get(ClaimPromoCommand).execute(input)).toEqual({ outcome: 'not_applied', reason: 'loyalty_not_configured', rule: null });
    expect(await t.app.get(RevokePromoClaimCommand).execute({ orderId: 'ORD-0001', offerId: 'OFF-1' })).toMatchObject({ outcome: 'failed' });
    expect(await t.app.get(RedeemPromoCommand).execute({ orderId: 'ORD-0001', offerId: 'OFF-1' })).toMatchObject({ outcome: 'failed' });
    expect(await t.app.db.query(`select 1 from audit.domain_event where event_type like 'promo.%'`)).toEqual([]);
  });

  it('malformed input is still InvalidInput naming the field', async () => {
    await expect(t.app.get(ClaimPromoCommand).execute({ orderId: 'order 1' } as ClaimPromoInput)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
