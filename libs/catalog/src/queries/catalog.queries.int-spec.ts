import { NotFound, PolicyViolation } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { createTestApp, type TestApp } from '@bss/testing';
import { CatalogModule } from '#catalog/catalog.module';
import { AddOfferingCommand } from '#catalog/commands/add-offering.command';
import { SetPriceCommand } from '#catalog/commands/set-price.command';
import { CatalogQueries } from './catalog.queries';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-01-10T00:00:00Z');

describe('CatalogQueries', () => {
  let app: TestApp;
  let catalog: CatalogQueries;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CatalogModule] });
    await app.clock.freeze(NOW);
    catalog = app.get(CatalogQueries);
  });
  afterAll(() => app.close());

  describe('seeded reference data (§2, §9)', () => {
    it('lists PLAN_S, PLAN_M, PLAN_L cheapest first with their monthly SGD prices', async () => {
      const offerings = await catalog.listActiveOfferings(NOW);
      expect(offerings.map((o) => [o.id, o.name, o.prices[0]?.id, o.prices[0]?.amount])).toEqual([
        ['PLAN_S', 'Lite', 'PRICE_PLAN_S', '10.00'],
        ['PLAN_M', 'Standard', 'PRICE_PLAN_M', '25.00'],
        ['PLAN_L', 'Max', 'PRICE_PLAN_L', '45.00'],
      ]);
      for (const o of offerings) {
        expect(o).toMatchObject({ specId: 'SPEC_MOBILE_PREPAID', isBundle: true, isSellable: true, lifecycleStatus: 'active', validFrom: null, validTo: null });
        expect(o.prices).toEqual([
          expect.objectContaining({ priceType: 'recurring', currency: 'SGD', recurringPeriodLength: 1, recurringPeriodType: 'month', validFrom: null, validTo: null }),
        ]);
      }
    });

    it('seeds the 12 allowances with −1 for unlimited', async () => {
      expect(await catalog.allowances('PLAN_S')).toEqual([
        { allowanceType: 'data', quantity: 5120, unit: 'mb' },
        { allowanceType: 'voice', quantity: 100, unit: 'minutes' },
        { allowanceType: 'sms', quantity: 100, unit: 'count' },
        { allowanceType: 'data_roaming', quantity: 0, unit: 'mb' },
      ]);
      expect(await catalog.allowances('PLAN_M')).toEqual([
        { allowanceType: 'data', quantity: 30720, unit: 'mb' },
        { allowanceType: 'voice', quantity: -1, unit: 'minutes' },
        { allowanceType: 'sms', quantity: -1, unit: 'count' },
        { allowanceType: 'data_roaming', quantity: 500, unit: 'mb' },
      ]);
      expect(await catalog.allowances('PLAN_L')).toEqual([
        { allowanceType: 'data', quantity: 153600, unit: 'mb' },
        { allowanceType: 'voice', quantity: -1, unit: 'minutes' },
        { allowanceType: 'sms', quantity: -1, unit: 'count' },
        { allowanceType: 'data_roaming', quantity: 2048, unit: 'mb' },
      ]);
      const ids = await app.db.query<{ id: string }>(`select id from catalog.bundle_allowance where offering_id like 'PLAN\\__' order by id`);
      expect(ids.map((r) => r.id)).toEqual(
        ['L', 'M', 'S'].flatMap((code) => ['DATA', 'ROAM', 'SMS', 'VOICE'].map((suffix) => `BA_${code}_${suffix}`)),
      );
    });

    it('seeds the 4 VAS offerings', async () => {
      expect(await catalog.listVas()).toEqual([
        { id: 'VAS_DATA_1GB', name: 'Data Top-Up 1GB', priceAmount: '3.00', currency: 'SGD', allowanceType: 'data', allowanceQuantity: 1024, allowanceUnit: 'mb', expiryHours: null },
        { id: 'VAS_DATA_5GB', name: 'Data Top-Up 5GB', priceAmount: '12.00', currency: 'SGD', allowanceType: 'data', allowanceQuantity: 5120, allowanceUnit: 'mb', expiryHours: null },
        { id: 'VAS_ROAMING_1GB', name: 'Roaming Data 1GB', priceAmount: '8.00', currency: 'SGD', allowanceType: 'data_roaming', allowanceQuantity: 1024, allowanceUnit: 'mb', expiryHours: null },
        { id: 'VAS_UNLIMITED_DAY', name: 'Unlimited Data Day Pass', priceAmount: '5.00', currency: 'SGD', allowanceType: 'data', allowanceQuantity: -1, allowanceUnit: 'mb', expiryHours: 24 },
      ]);
      expect(await catalog.getVas('VAS_ROAMING_1GB')).toMatchObject({ allowanceType: 'data_roaming', allowanceQuantity: 1024 });
    });

    it('maps every plan to the mobile-broadband CFS over both bearer RFSs', async () => {
      for (const id of ['PLAN_S', 'PLAN_M', 'PLAN_L']) {
        expect(await catalog.serviceMapping(id)).toEqual({
          cfsSpecId: 'SSPEC_CFS_MOBILE_BROADBAND',
          rfsSpecIds: ['SSPEC_RFS_DATA_BEARER', 'SSPEC_RFS_VOICE_BEARER'],
        });
      }
      const specs = await app.db.query<{ id: string; name: string; type: string }>(`select id, name, type from catalog.service_specification order by id`);
      expect(specs).toEqual([
        { id: 'SSPEC_CFS_MOBILE_BROADBAND', name: 'Mobile Broadband CFS', type: 'CFS' },
        { id: 'SSPEC_RFS_DATA_BEARER', name: 'Data Bearer RFS', type: 'RFS' },
        { id: 'SSPEC_RFS_VOICE_BEARER', name: 'Voice Bearer RFS', type: 'RFS' },
      ]);
      const [spec] = await app.db.query(`select id, name, brand, lifecycle_status from catalog.product_specification`);
      expect(spec).toEqual({ id: 'SPEC_MOBILE_PREPAID', name: 'Mobile Prepaid Bundle', brand: 'BSS-CLI', lifecycle_status: 'active' });
    });

    it('is idempotent: seeding again inserts nothing', async () => {
      const count = async () =>
        app.db.query<{ n: string }>(
          `select (select count(*) from catalog.product_offering) + (select count(*) from catalog.product_offering_price)
                + (select count(*) from catalog.bundle_allowance) + (select count(*) from catalog.vas_offering)
                + (select count(*) from catalog.service_specification) + (select count(*) from catalog.product_to_service_mapping)
                + (select count(*) from catalog.product_specification) as n`,
        );
      const before = await count();
      await app.db.seed();
      expect(await count()).toEqual(before);
    });
  });

  describe('active price (lowest active recurring row, end exclusive)', () => {
    beforeAll(async () => {
      await app.get(AddOfferingCommand).execute({ offeringId: 'PLAN_INV5', name: 'Invariant five', amount: '25.00' });
      await app.get(SetPriceCommand).execute({
        offeringId: 'PLAN_INV5',
        priceId: 'PRICE_PLAN_INV5_PROMO',
        amount: '20.00',
        validFrom: '2026-03-01T00:00:00Z',
        validTo: '2026-04-01T00:00:00Z',
      });
    });

    it('invariant 5: 20.00 inside the window, 25.00 at exactly validTo', async () => {
      expect((await catalog.activePrice('PLAN_INV5', at('2026-03-01T00:00:00Z'))).amount).toBe('20.00');
      expect((await catalog.activePrice('PLAN_INV5', at('2026-03-31T23:59:59.999Z'))).amount).toBe('20.00');
      expect(await catalog.activePrice('PLAN_INV5', at('2026-04-01T00:00:00Z'))).toMatchObject({ id: 'PRICE_PLAN_INV5', amount: '25.00' });
      expect((await catalog.activePrice('PLAN_INV5', at('2026-02-28T23:59:59.999Z'))).amount).toBe('25.00');
    });

    it('the active catalog shows the windowed price first inside the window, and sorts by it', async () => {
      const inside = await catalog.listActiveOfferings(at('2026-03-15T00:00:00Z'));
      const offering = inside.find((o) => o.id === 'PLAN_INV5');
      expect(offering?.prices.map((p) => [p.id, p.amount])).toEqual([
        ['PRICE_PLAN_INV5_PROMO', '20.00'],
        ['PRICE_PLAN_INV5', '25.00'],
      ]);
      // 20.00 sorts before PLAN_M's 25.00.
      expect(inside.map((o) => o.id)).toEqual(['PLAN_S', 'PLAN_INV5', 'PLAN_M', 'PLAN_L']);
      const after = await catalog.listActiveOfferings(at('2026-04-01T00:00:00Z'));
      expect(after.find((o) => o.id === 'PLAN_INV5')?.prices.map((p) => p.id)).toEqual(['PRICE_PLAN_INV5']);
    });

    it('ties go to the lowest id', async () => {
      await app.get(AddOfferingCommand).execute({ offeringId: 'PLAN_TIE', name: 'Tie', amount: '30.00', priceId: 'PRICE_TIE_B' });
      await app.get(SetPriceCommand).execute({ offeringId: 'PLAN_TIE', priceId: 'PRICE_TIE_A', amount: '30.00' });
      expect((await catalog.activePrice('PLAN_TIE', NOW)).id).toBe('PRICE_TIE_A');
    });

    it('invariant 6: no active row is PV catalog.price.no_active_row, never a fallback', async () => {
      await app.get(AddOfferingCommand).execute({ offeringId: 'PLAN_NOPRICE', name: 'No price', amount: '15.00' });
      await app.db.query(`update catalog.product_offering_price set valid_to = $1 where id = 'PRICE_PLAN_NOPRICE'`, [at('2026-01-01T00:00:00Z')]);
      const error = await catalog.activePrice('PLAN_NOPRICE', NOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PolicyViolation);
      expect(error).toMatchObject({ rule: 'catalog.price.no_active_row', context: { offeringId: 'PLAN_NOPRICE', at: NOW.toISOString() } });
      // Still on sale but unpriced: listed last, with no price rows.
      const listed = await catalog.listActiveOfferings(NOW);
      expect(listed.at(-1)).toMatchObject({ id: 'PLAN_NOPRICE', prices: [] });
    });

    it('price by id ignores windows (renewals of retired prices)', async () => {
      expect(await catalog.priceById('PRICE_PLAN_NOPRICE')).toMatchObject({
        id: 'PRICE_PLAN_NOPRICE',
        offeringId: 'PLAN_NOPRICE',
        amount: '15.00',
        validTo: at('2026-01-01T00:00:00Z'),
      });
      expect(await catalog.priceById('PRICE_PLAN_INV5_PROMO')).toMatchObject({ amount: '20.00', validFrom: at('2026-03-01T00:00:00Z') });
    });
  });

  describe('offering windows and status', () => {
    it('lists an offering from validFrom (inclusive) to validTo (exclusive)', async () => {
      await app.get(AddOfferingCommand).execute({
        offeringId: 'PLAN_WIN',
        name: 'Windowed',
        amount: '99.00',
        validFrom: '2026-06-01T00:00:00Z',
        validTo: '2026-07-01T00:00:00Z',
      });
      const ids = async (iso: string) => (await catalog.listActiveOfferings(at(iso))).map((o) => o.id);
      expect(await ids('2026-05-31T23:59:59.999Z')).not.toContain('PLAN_WIN');
      expect(await ids('2026-06-01T00:00:00Z')).toContain('PLAN_WIN');
      expect(await ids('2026-06-30T23:59:59.999Z')).toContain('PLAN_WIN');
      expect(await ids('2026-07-01T00:00:00Z')).not.toContain('PLAN_WIN');
    });

    it('leaves out unsellable and non-active offerings', async () => {
      await app.get(AddOfferingCommand).execute({ offeringId: 'PLAN_HIDDEN', name: 'Hidden', amount: '5.00' });
      await app.get(AddOfferingCommand).execute({ offeringId: 'PLAN_RETIRED', name: 'Retired', amount: '5.00' });
      await app.db.query(`update catalog.product_offering set is_sellable = false where id = 'PLAN_HIDDEN'`);
      await app.db.query(`update catalog.product_offering set lifecycle_status = 'retired' where id = 'PLAN_RETIRED'`);
      const ids = (await catalog.listActiveOfferings(NOW)).map((o) => o.id);
      expect(ids).not.toContain('PLAN_HIDDEN');
      expect(ids).not.toContain('PLAN_RETIRED');
      // Still readable by id.
      expect(await catalog.getOffering('PLAN_HIDDEN')).toMatchObject({ isSellable: false });
    });
  });

  describe('lookups', () => {
    it('getOffering returns every price row, oldest window first', async () => {
      const view = await catalog.getOffering('PLAN_INV5');
      expect(view.prices.map((p) => p.id)).toEqual(['PRICE_PLAN_INV5', 'PRICE_PLAN_INV5_PROMO']);
      expect(view.allowances).toHaveLength(4);
    });

    it.each([
      ['getOffering', () => catalog.getOffering('PLAN_NOPE'), 'PLAN_NOPE'],
      ['activePrice', () => catalog.activePrice('PLAN_NOPE', NOW), 'PLAN_NOPE'],
      ['allowances', () => catalog.allowances('PLAN_NOPE'), 'PLAN_NOPE'],
      ['priceById', () => catalog.priceById('PRICE_NOPE'), 'PRICE_NOPE'],
      ['getVas', () => catalog.getVas('VAS_NOPE'), 'VAS_NOPE'],
      ['serviceMapping', () => catalog.serviceMapping('PLAN_NOPE'), 'PLAN_NOPE'],
    ])('%s of an unknown id is NotFound naming it', async (_name, read, id) => {
      const error = await read().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFound);
      expect(error).toMatchObject({ code: 'NOT_FOUND', context: { id } });
    });

    it('reads are scoped to the caller tenant', async () => {
      const other = await runWithAuth({ tenant: 'OTHER' }, () => catalog.listActiveOfferings(NOW));
      expect(other).toEqual([]);
      await expect(runWithAuth({ tenant: 'OTHER' }, () => catalog.getOffering('PLAN_M'))).rejects.toBeInstanceOf(NotFound);
    });
  });
});
