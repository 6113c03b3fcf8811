import { AuditQueries } from '@bss/audit';
import { InvalidInput, NotFound, PolicyViolation } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import type { TestApp } from '@bss/testing';
import { PromoQueries } from '#promos/queries/promo.queries';
import { TEST_OPERATOR, WELCOME10, createPromoTestApp, givenPromotion, loyaltyOf, type PromoTestApp } from '#promos/testing';
import { CreatePromotionCommand, type CreatePromotionInput } from './create-promotion.command';

const asOperator = <T>(work: () => Promise<T>, actor = TEST_OPERATOR) => runWithAuth({ actor, channel: 'cli' }, work);

describe.each(['embedded', 'remote'] as const)('CreatePromotionCommand — %s loyalty', (mode) => {
  let t: PromoTestApp;
  let app: TestApp;
  let create: (input: CreatePromotionInput) => Promise<unknown>;
  const rowCount = async (id: string) => (await app.db.query(`select 1 from promos.promotion where id = $1`, [id])).length;
  const events = (id: string, type = 'promo.') => app.get(AuditQueries).list({ aggregateId: id, eventType: type });

  beforeAll(async () => {
    t = await createPromoTestApp(mode);
    app = t.app;
    await app.clock.freeze('2026-01-01T00:00:00Z');
    create = (input) => asOperator(() => app.get(CreatePromotionCommand).execute(input));
  });
  afterAll(() => t.close());

  it("creates the product page's WELCOME10: money terms, OD and code registered, active", async () => {
    const view = await create(WELCOME10);
    expect(view).toEqual({
      id: 'PROMO_WELCOME10',
      name: 'Welcome 10%',
      state: 'active',
      audience: 'public',
      code: 'WELCOME10',
      codeKind: 'multi_use',
      offerDefinitionId: 'OD_PROMO_WELCOME10',
      discountType: 'percent',
      discountValue: '10.00',
      currency: 'SGD',
      durationKind: 'multi',
      periodsTotal: 3,
      applicableOfferingIds: null,
      validFrom: null,
      validTo: null,
      label: '10% off',
      createdBy: TEST_OPERATOR,
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(await loyaltyOf(app).showPromoCode({ actor: 'x', tenant: 'DEFAULT' }, { code: 'WELCOME10' })).toEqual({
      code: 'WELCOME10',
      offerDefinitionId: 'OD_PROMO_WELCOME10',
      kind: 'multi_use',
    });
    expect((await events('PROMO_WELCOME10')).map((e) => [e.eventType, e.actor])).toEqual([
      ['promo.activated', TEST_OPERATOR],
      ['promo.created', TEST_OPERATOR],
    ]);
    expect(await app.get(PromoQueries).get('PROMO_WELCOME10')).toEqual(view);
    if (t.double) {
      expect(t.double.calls.filter((c) => c.tool !== 'promo_code.show').map((c) => [c.tool, c.idempotencyKey, c.actorId])).toEqual([
        ['offer_definition.register', 'PROMO_WELCOME10:od', TEST_OPERATOR],
        ['promo_code.register', 'PROMO_WELCOME10:code', TEST_OPERATOR],
      ]);
      expect(t.double.callsTo('offer_definition.register')[0].body).toEqual({ id: 'OD_PROMO_WELCOME10', display_name: 'Welcome 10%', kind: 'regular' });
    }
  });

  it('a targeted promotion defaults to code = id, one use per customer; codes are stored upper-case', async () => {
    expect(await create({ promotionId: 'PROMO_VIP', discountType: 'absolute', discountValue: '5', durationKind: 'single', audience: 'targeted' })).toMatchObject({
      code: 'PROMO_VIP',
      codeKind: 'single_use_unique_per_customer',
      label: 'SGD 5.00 off',
      state: 'active',
    });
    expect(
      await create({ promotionId: 'PROMO_SUMMER', discountType: 'percent', discountValue: '12.5', durationKind: 'perpetual', code: 'summer-25', codeKind: 'single_use_shared', applicableOfferingIds: ['PLAN_M', 'PLAN_L'], validFrom: '2026-06-01T00:00:00Z', validTo: '2026-09-01T00:00:00Z' }),
    ).toMatchObject({ code: 'SUMMER-25', label: '12.5% off', applicableOfferingIds: ['PLAN_M', 'PLAN_L'], validFrom: new Date('2026-06-01T00:00:00Z') });
  });

  it.each<[string, Partial<CreatePromotionInput>]>([
    ['promo.create.invalid_discount_value', { discountValue: '101' }],
    ['promo.create.invalid_discount_value', { discountValue: '0' }],
    ['promo.create.invalid_periods_total', { periodsTotal: 1 }],
    ['promo.create.invalid_periods_total', { durationKind: 'single' }],
    ['promo.create.invalid_promo_code_kind', { codeKind: undefined }],
    ['promo.create.requires_code', { code: undefined }],
  ])('refuses %s and writes nothing', async (rule, change) => {
    await expect(create({ ...WELCOME10, promotionId: 'PROMO_BAD', code: 'BAD1', ...change })).rejects.toMatchObject({ rule });
    expect(await rowCount('PROMO_BAD')).toBe(0);
  });

  it.each<[string, Partial<CreatePromotionInput>]>([
    ['promotionId', { promotionId: 'WELCOME' }],
    ['discountValue', { discountValue: 'ten' }],
    ['periodsTotal', { periodsTotal: 2.5 }],
    ['validFrom', { validFrom: 'next week' }],
    ['applicableOfferingIds', { applicableOfferingIds: ['plan m'] }],
  ])('malformed %s is InvalidInput naming it', async (field, change) => {
    const error = await create({ ...WELCOME10, promotionId: 'PROMO_MALFORMED', code: 'MAL1', ...change }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).fields.map((f) => f.field)).toContain(field);
  });

  it('an inverted window is InvalidInput naming validTo', async () => {
    await expect(create({ ...WELCOME10, promotionId: 'PROMO_WIN', code: 'WIN1', validFrom: '2026-02-01T00:00:00Z', validTo: '2026-01-01T00:00:00Z' })).rejects.toMatchObject({
      fields: [{ field: 'validTo' }],
    });
  });

  it('refuses an existing promotion, a taken code, an unknown offering and an anonymous actor', async () => {
    await expect(create(WELCOME10)).rejects.toMatchObject({ rule: 'promo.create.already_exists' });
    await expect(create({ ...WELCOME10, promotionId: 'PROMO_COPY' })).rejects.toMatchObject({ rule: 'promo.create.code_in_use', context: { promotionId: 'PROMO_WELCOME10' } });
    const missing = await create({ ...WELCOME10, promotionId: 'PROMO_NOPLAN', code: 'NOPLAN', applicableOfferingIds: ['PLAN_XXL'] }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFound);
    expect((missing as NotFound).message).toContain('PLAN_XXL');
    await expect(asOperator(() => app.get(CreatePromotionCommand).execute({ ...WELCOME10, promotionId: 'PROMO_ANON', code: 'ANON' }), 'anonymous')).rejects.toMatchObject({
      rule: 'catalog.admin_only',
    });
    expect((await rowCount('PROMO_COPY')) + (await rowCount('PROMO_NOPLAN')) + (await rowCount('PROMO_ANON'))).toBe(0);
  });

  it('a loyalty refusal at step 2 leaves the row pending_link (unusable) with an audit row; re-running resumes to active', async () => {
    const loyalty = loyaltyOf(app);
    await loyalty.registerOfferDefinition({ actor: 'other', tenant: 'DEFAULT' }, { id: 'OD_ELSEWHERE', displayName: 'x', kind: 'regular' });
    await loyalty.registerPromoCode({ actor: 'other', tenant: 'DEFAULT' }, { code: 'CLASH', offerDefinitionId: 'OD_ELSEWHERE', kind: 'multi_use' });

    const error = await create({ ...WELCOME10, promotionId: 'PROMO_CLASH', code: 'CLASH' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyViolation);
    expect(error).toMatchObject({
      rule: 'promo.create.loyalty_refused',
      context: { promotionId: 'PROMO_CLASH', state: 'pending_link', step: 'promo_code.register', loyaltyRule: 'promo_code.register.code_taken' },
    });
    expect(await app.get(PromoQueries).get('PROMO_CLASH')).toMatchObject({ state: 'pending_link', offerDefinitionId: null });
    expect((await events('PROMO_CLASH', 'promo.link_failed'))[0].payload).toMatchObject({ step: 'promo_code.register', loyaltyRule: 'promo_code.register.code_taken' });
    // Not usable meanwhile: its code resolves to somebody else's definition.
    expect((await app.get(PromoQueries).validateForOrder({ code: 'CLASH', offeringId: 'PLAN_M' })).reason).toBe('unlinked_code');

    // The operator picks another code and re-runs the same create: it resumes the pending row.
    const resumed = await create({ ...WELCOME10, promotionId: 'PROMO_CLASH', code: 'CLASH2' });
    expect(resumed).toMatchObject({ id: 'PROMO_CLASH', state: 'active', code: 'CLASH2', offerDefinitionId: 'OD_PROMO_CLASH' });
    expect((await events('PROMO_CLASH', 'promo.created'))[0].payload).toMatchObject({ resumed: true });
  });

  if (mode === 'remote') {
    it('an unreachable engine leaves pending_link; the re-run reuses the step keys and resumes', async () => {
      const double = t.double!;
      double.clearCalls();
      double.failNext('offer_definition.register', { status: 503, body: { detail: 'maintenance' } });
      await expect(create({ ...WELCOME10, promotionId: 'PROMO_FLAKY', code: 'FLAKY' })).rejects.toMatchObject({
        code: 'UPSTREAM_FAILED',
        context: { promotionId: 'PROMO_FLAKY', state: 'pending_link', step: 'offer_definition.register' },
      });
      expect(await app.get(PromoQueries).get('PROMO_FLAKY')).toMatchObject({ state: 'pending_link' });
      expect(await create({ ...WELCOME10, promotionId: 'PROMO_FLAKY', code: 'FLAKY' })).toMatchObject({ state: 'active', offerDefinitionId: 'OD_PROMO_FLAKY' });
      expect(double.calls.map((c) => [c.tool, c.idempotencyKey, c.status])).toEqual([
        ['offer_definition.register', 'PROMO_FLAKY:od', 503],
        ['offer_definition.register', 'PROMO_FLAKY:od', 200],
        ['promo_code.register', 'PROMO_FLAKY:code', 200],
      ]);
    });
  }
});

describe('CreatePromotionCommand — loyalty off', () => {
  let t: PromoTestApp;
  beforeAll(async () => {
    t = await createPromoTestApp('off');
  });
  afterAll(async () => {
    await t.close();
    process.env.BSS_LOYALTY_MODE = 'embedded';
  });

  it('answers "promotions are off" (promo.loyalty_not_configured) and writes nothing', async () => {
    const error = await givenPromotion(t.app, WELCOME10).catch((e: unknown) => e);
    expect(error).toMatchObject({ rule: 'promo.loyalty_not_configured', message: expect.stringMatching(/^Promotions are off/) });
    expect(await t.app.db.query(`select 1 from promos.promotion`)).toEqual([]);
  });
});
