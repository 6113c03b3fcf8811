import { AuditQueries } from '@bss/audit';
import { NotFound } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import type { TestApp } from '@bss/testing';
import { PromoQueries } from '#promos/queries/promo.queries';
import { TEST_OPERATOR, WELCOME10, createPromoTestApp, givenPromotion, type PromoTestApp } from '#promos/testing';
import { ExhaustPromotionCommand } from './exhaust-promotion.command';

describe('ExhaustPromotionCommand', () => {
  let t: PromoTestApp;
  let app: TestApp;
  const exhaust = (promotionId: string) => runWithAuth({ actor: TEST_OPERATOR }, () => app.get(ExhaustPromotionCommand).execute({ promotionId }));

  beforeAll(async () => {
    t = await createPromoTestApp('embedded');
    app = t.app;
    await givenPromotion(app, WELCOME10);
  });
  afterAll(() => t.close());

  it('stops new uses of an active promotion; exhausting again is a no-op', async () => {
    expect(await exhaust('PROMO_WELCOME10')).toMatchObject({ state: 'exhausted' });
    expect(await exhaust('PROMO_WELCOME10')).toMatchObject({ state: 'exhausted' });
    expect((await app.get(AuditQueries).list({ aggregateId: 'PROMO_WELCOME10', eventType: 'promo.exhausted' })).map((e) => e.payload)).toEqual([
      { promotionId: 'PROMO_WELCOME10', from: 'active' },
    ]);
    expect((await app.get(PromoQueries).validateForOrder({ code: 'WELCOME10', offeringId: 'PLAN_M' })).reason).toBe('no_active_promotion');
  });

  it('refuses a promotion that is not active (promo.exhaust.not_active); unknown is NotFound', async () => {
    await app.db.query(
      `insert into promos.promotion (id, discount_type, discount_value, duration_kind, audience, code, code_kind, state, created_by, created_at, updated_at)
       values ('PROMO_PENDING', 'percent', 10, 'single', 'public', 'PENDING', 'multi_use', 'pending_link', 'ops', now(), now())`,
    );
    await expect(exhaust('PROMO_PENDING')).rejects.toMatchObject({ rule: 'promo.exhaust.not_active', context: { from: 'pending_link' } });
    await expect(exhaust('PROMO_NOPE')).rejects.toBeInstanceOf(NotFound);
    await expect(app.get(ExhaustPromotionCommand).execute({ promotionId: 'nope' })).rejects.toMatchObject({ fields: [{ field: 'promotionId' }] });
  });
});
