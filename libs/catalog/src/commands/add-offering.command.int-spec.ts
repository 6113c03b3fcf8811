import { AuditQueries } from '@bss/audit';
import { InvalidInput, NotFound, PolicyViolation } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { createTestApp, type TestApp } from '@bss/testing';
import { CatalogModule } from '#catalog/catalog.module';
import { CatalogQueries } from '#catalog/queries/catalog.queries';
import { AddOfferingCommand, type AddOfferingInput } from './add-offering.command';

const NOW = new Date('2026-01-10T00:00:00Z');

describe('AddOfferingCommand', () => {
  let app: TestApp;
  let add: AddOfferingCommand;
  let catalog: CatalogQueries;
  const events = (aggregateId: string) => app.get(AuditQueries).list({ aggregateId });
  const offeringRows = async (id: string) =>
    (await app.db.query(`select 1 from catalog.product_offering where id = $1`, [id])).length +
    (await app.db.query(`select 1 from catalog.bundle_allowance where offering_id = $1`, [id])).length;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CatalogModule] });
    await app.clock.freeze(NOW);
    add = app.get(AddOfferingCommand);
    catalog = app.get(CatalogQueries);
  });
  afterAll(() => app.close());

  it('creates the offering, its monthly PRICE_<id>, BA_<id>_* allowances and service mapping atomically', async () => {
    const view = await runWithAuth({ actor: 'ops.jane', channel: 'cli' }, () =>
      add.execute({ offeringId: 'PLAN_XL', name: 'Extra Large', amount: '60', dataMb: 204800, voiceMinutes: -1, smsCount: -1, dataRoamingMb: 4096 }),
    );
    expect(view).toEqual({
      id: 'PLAN_XL',
      name: 'Extra Large',
      specId: 'SPEC_MOBILE_PREPAID',
      isBundle: true,
      isSellable: true,
      lifecycleStatus: 'active',
      validFrom: null,
      validTo: null,
      prices: [
        {
          id: 'PRICE_PLAN_XL',
          offeringId: 'PLAN_XL',
          priceType: 'recurring',
          amount: '60.00',
          currency: 'SGD',
          recurringPeriodLength: 1,
          recurringPeriodType: 'month',
          validFrom: null,
          validTo: null,
        },
      ],
      allowances: [
        { allowanceType: 'data', quantity: 204800, unit: 'mb' },
        { allowanceType: 'voice', quantity: -1, unit: 'minutes' },
        { allowanceType: 'sms', quantity: -1, unit: 'count' },
        { allowanceType: 'data_roaming', quantity: 4096, unit: 'mb' },
      ],
    });
    expect(await catalog.getOffering('PLAN_XL')).toEqual(view);
    expect((await catalog.activePrice('PLAN_XL', NOW)).id).toBe('PRICE_PLAN_XL');
    expect(await catalog.serviceMapping('PLAN_XL')).toEqual({ cfsSpecId: 'SSPEC_CFS_MOBILE_BROADBAND', rfsSpecIds: ['SSPEC_RFS_DATA_BEARER', 'SSPEC_RFS_VOICE_BEARER'] });
    const ids = await app.db.query<{ id: string }>(`select id from catalog.bundle_allowance where offering_id = 'PLAN_XL' order by id`);
    expect(ids.map((r) => r.id)).toEqual(['BA_PLAN_XL_DATA', 'BA_PLAN_XL_ROAM', 'BA_PLAN_XL_SMS', 'BA_PLAN_XL_VOICE']);

    const [event] = await events('PLAN_XL');
    expect(event).toMatchObject({
      eventType: 'catalog.offering_added',
      aggregateType: 'product_offering',
      actor: 'ops.jane',
      channel: 'cli',
      occurredAt: NOW.toISOString(),
      payload: { offeringId: 'PLAN_XL', priceId: 'PRICE_PLAN_XL', amount: '60.00', currency: 'SGD', validFrom: null, validTo: null },
    });
  });

  it('takes an explicit price id, currency and sales window; omitted allowances are 0', async () => {
    const view = await add.execute({
      offeringId: 'PLAN_SUMMER',
      name: 'Summer',
      amount: '12.50',
      currency: 'USD',
      priceId: 'PRICE_SUMMER_2026',
      validFrom: '2026-06-01T00:00:00Z',
      validTo: '2026-09-01T00:00:00Z',
      dataMb: 10240,
    });
    expect(view).toMatchObject({
      validFrom: new Date('2026-06-01T00:00:00Z'),
      validTo: new Date('2026-09-01T00:00:00Z'),
      prices: [{ id: 'PRICE_SUMMER_2026', amount: '12.50', currency: 'USD', validFrom: null, validTo: null }],
    });
    expect(view.allowances.map((a) => a.quantity)).toEqual([10240, 0, 0, 0]);
  });

  describe('catalog.admin_only', () => {
    it('allows a named actor', async () => {
      await expect(runWithAuth({ actor: 'cli-user' }, () => add.execute({ offeringId: 'PLAN_ADMIN_OK', name: 'Ok', amount: '1.00' }))).resolves.toMatchObject({
        id: 'PLAN_ADMIN_OK',
      });
    });

    it.each(['anonymous', ''])('refuses actor %p and writes nothing', async (actor) => {
      const error = await runWithAuth({ actor }, () => add.execute({ offeringId: 'PLAN_ANON', name: 'Anon', amount: '1.00' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PolicyViolation);
      expect(error).toMatchObject({ rule: 'catalog.admin_only' });
      expect(await offeringRows('PLAN_ANON')).toBe(0);
      expect(await events('PLAN_ANON')).toEqual([]);
    });
  });

  describe('catalog.offering.already_exists', () => {
    it('refuses an existing offering id', async () => {
      await expect(add.execute({ offeringId: 'PLAN_M', name: 'Again', amount: '1.00', priceId: 'PRICE_PLAN_M_AGAIN' })).rejects.toMatchObject({
        rule: 'catalog.offering.already_exists',
        context: { offeringId: 'PLAN_M' },
      });
      expect((await catalog.getOffering('PLAN_M')).name).toBe('Standard');
      expect(await app.db.query(`select 1 from catalog.product_offering_price where id = 'PRICE_PLAN_M_AGAIN'`)).toEqual([]);
    });

    it('refuses an id whose BA_<id>_* allowance ids are already taken', async () => {
      await add.execute({ offeringId: 'PLAN_HOST', name: 'Host', amount: '1.00' });
      // A stray row (e.g. left by a hand edit) that carries the id PLAN_CLASH would need.
      await app.db.query(`update catalog.bundle_allowance set id = 'BA_PLAN_CLASH_DATA' where id = 'BA_PLAN_HOST_DATA'`);
      await expect(add.execute({ offeringId: 'PLAN_CLASH', name: 'Clash', amount: '1.00' })).rejects.toMatchObject({
        rule: 'catalog.offering.already_exists',
        context: { offeringId: 'PLAN_CLASH', takenAllowanceIds: ['BA_PLAN_CLASH_DATA'] },
      });
      expect(await offeringRows('PLAN_CLASH')).toBe(0);
    });
  });

  describe('catalog.price.already_exists', () => {
    it('allows a fresh price id', async () => {
      await expect(add.execute({ offeringId: 'PLAN_P1', name: 'P1', amount: '1.00', priceId: 'PRICE_P1_FRESH' })).resolves.toMatchObject({
        prices: [{ id: 'PRICE_P1_FRESH' }],
      });
    });

    it('refuses a taken price id and leaves no half-written offering', async () => {
      await expect(add.execute({ offeringId: 'PLAN_P2', name: 'P2', amount: '1.00', priceId: 'PRICE_PLAN_M' })).rejects.toMatchObject({
        rule: 'catalog.price.already_exists',
        context: { priceId: 'PRICE_PLAN_M' },
      });
      expect(await offeringRows('PLAN_P2')).toBe(0);
    });
  });

  it('an unknown specification is NotFound naming it', async () => {
    const error = await add.execute({ offeringId: 'PLAN_SPEC', name: 'Spec', amount: '1.00', specId: 'SPEC_NOPE' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFound);
    expect(error).toMatchObject({ context: { entity: 'product_specification', id: 'SPEC_NOPE' } });
  });

  describe('input validation names the field and writes nothing', () => {
    const valid: AddOfferingInput = { offeringId: 'PLAN_BAD', name: 'Bad', amount: '10.00' };
    it.each<[string, Partial<Record<keyof AddOfferingInput | 'extra', unknown>>]>([
      ['offeringId', { offeringId: 'plan bad' }],
      ['name', { name: '   ' }],
      ['amount', { amount: '0' }],
      ['amount', { amount: '0.00' }],
      ['amount', { amount: '-5' }],
      ['amount', { amount: '10.999' }],
      ['amount', { amount: 10 }],
      ['currency', { currency: 'sgd' }],
      ['priceId', { priceId: 'price-1' }],
      ['specId', { specId: 'x' }],
      ['validFrom', { validFrom: 'next week' }],
      ['validTo', { validTo: '2026-13-01T00:00:00Z' }],
      ['validTo', { validFrom: '2026-02-01T00:00:00Z', validTo: '2026-01-01T00:00:00Z' }],
      ['dataMb', { dataMb: -2 }],
      ['voiceMinutes', { voiceMinutes: 1.5 }],
      ['smsCount', { smsCount: '100' }],
      ['dataRoamingMb', { dataRoamingMb: -7 }],
      ['extra', { extra: true }],
    ])('%s: %j', async (field, patch) => {
      const error = await add.execute({ ...valid, ...patch } as AddOfferingInput).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).fields.map((f) => f.field)).toEqual([field]);
      expect(await offeringRows('PLAN_BAD')).toBe(0);
    });
  });
});
