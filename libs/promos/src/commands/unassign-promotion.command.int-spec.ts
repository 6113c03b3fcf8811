import { AuditQueries } from '@bss/audit';
import { runWithAuth } from '@bss/policies';
import type { TestApp } from '@bss/testing';
import { TEST_OPERATOR, createPromoTestApp, givenAssignment, givenPromoCustomer, givenPromotion, loyaltyOf, type PromoTestApp } from '#promos/testing';
import { UnassignPromotionCommand } from './unassign-promotion.command';

describe.each(['embedded', 'remote'] as const)('UnassignPromotionCommand — %s loyalty', (mode) => {
  let t: PromoTestApp;
  let app: TestApp;
  let ann: string;
  let ben: string;
  const unassign = (promotionId: string, customerIds: string[]) => runWithAuth({ actor: TEST_OPERATOR }, () => app.get(UnassignPromotionCommand).execute({ promotionId, customerIds }));
  const offer = async (offerId: string) => (await loyaltyOf(app).listOffers({ actor: 'x', tenant: 'DEFAULT' }, {})).rows.find((o) => o.offerId === offerId);

  beforeAll(async () => {
    t = await createPromoTestApp(mode);
    app = t.app;
    await givenPromotion(app, { promotionId: 'PROMO_VIP', audience: 'targeted' });
    await givenPromotion(app, { promotionId: 'PROMO_OPEN' });
    ann = (await givenPromoCustomer(app, 'Ann')).id;
    ben = (await givenPromoCustomer(app, 'Ben')).id;
    await givenAssignment(app, 'PROMO_VIP', [ann, ben]);
  });
  afterAll(() => t.close());

  it('removes a customer and expires the untouched offer; unknown ones are "not eligible"', async () => {
    expect(await unassign('PROMO_VIP', [ann, 'CUST-deadbeef'])).toEqual({ promotionId: 'PROMO_VIP', code: 'PROMO_VIP', removed: [ann], notEligible: ['CUST-deadbeef'] });
    expect(await offer(`OFF-${ann}-PROMO_VIP`)).toMatchObject({ state: 'expired' });
    expect(await app.db.query(`select 1 from promos.promotion_eligibility where customer_id = $1`, [ann])).toEqual([]);
    expect((await app.get(AuditQueries).list({ aggregateId: 'PROMO_VIP', eventType: 'promo.unassigned' }))[0].payload).toMatchObject({ removed: [ann], notEligible: ['CUST-deadbeef'] });
    if (t.double) expect(t.double.callsTo('offer.expire').map((c) => c.idempotencyKey)).toEqual([`OFF-${ann}-PROMO_VIP:expire:unassign`]);
  });

  it('an offer already claimed cannot expire, so it is revoked (operator_action)', async () => {
    const offerId = `OFF-${ben}-PROMO_VIP`;
    await loyaltyOf(app).advanceToClaimed({ actor: 'x', tenant: 'DEFAULT', idempotencyKey: 'ORD-1:claim' }, { offerId, orderRef: 'ORD-1' });
    expect(await unassign('PROMO_VIP', [ben])).toMatchObject({ removed: [ben] });
    expect(await offer(offerId)).toMatchObject({ state: 'revoked' });
    if (t.double) {
      expect(t.double.callsTo('offer.revoke').map((c) => [c.idempotencyKey, c.body])).toEqual([[`${offerId}:revoke:unassign`, { offer_id: offerId, reason: 'operator_action' }]]);
    }
  });

  it('refuses a public promotion', async () => {
    await expect(unassign('PROMO_OPEN', [ann])).rejects.toMatchObject({ rule: 'promo.not_targeted' });
  });
});
