import { AuditQueries } from '@bss/audit';
import { InvalidInput, PolicyViolation } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { createTestApp, type TestApp } from '@bss/testing';
import { CatalogModule } from '#catalog/catalog.module';
import { CatalogQueries } from '#catalog/queries/catalog.queries';
import { AddOfferingCommand } from './add-offering.command';
import { SetPriceCommand, type SetPriceInput } from './set-price.command';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-01-10T00:00:00Z');

describe('SetPriceCommand', () => {
  let app: TestApp;
  let setPrice: SetPriceCommand;
  let catalog: CatalogQueries;
  const priceRows = async (id: string) => (await app.db.query(`select 1 from catalog.product_offering_price where id = $1`, [id])).length;
  const newOffering = (offeringId: string, amount = '25.00') => app.get(AddOfferingCommand).execute({ offeringId, name: offeringId, amount });

  beforeAll(async () => {
    app = await createTestApp({ imports: [CatalogModule] });
    await app.clock.freeze(NOW);
    setPrice = app.get(SetPriceCommand);
    catalog = app.get(CatalogQueries);
  });
  afterAll(() => app.close());

  it('adds a windowed promo row that overrides the base price inside its window only', async () => {
    await newOffering('PLAN_A');
    const result = await runWithAuth({ actor: 'ops.jane' }, () =>
      setPrice.execute({ offeringId: 'PLAN_A', priceId: 'PRICE_PLAN_A_JAN', amount: '20', validFrom: '2026-01-15T00:00:00Z', validTo: '2026-02-01T00:00:00Z' }),
    );
    expect(result).toEqual({
      price: {
        id: 'PRICE_PLAN_A_JAN',
        offeringId: 'PLAN_A',
        priceType: 'recurring',
        amount: '20.00',
        currency: 'SGD',
        recurringPeriodLength: 1,
        recurringPeriodType: 'month',
        validFrom: at('2026-01-15T00:00:00Z'),
        validTo: at('2026-02-01T00:00:00Z'),
      },
      retiredPriceIds: [],
    });
    expect((await catalog.activePrice('PLAN_A', NOW)).amount).toBe('25.00');
    expect((await catalog.activePrice('PLAN_A', at('2026-01-20T00:00:00Z'))).amount).toBe('20.00');
    expect((await catalog.activePrice('PLAN_A', at('2026-02-01T00:00:00Z'))).amount).toBe('25.00');
    const [event] = await app.get(AuditQueries).list({ aggregateId: 'PLAN_A', eventType: 'catalog.price_set' });
    expect(event).toMatchObject({
      actor: 'ops.jane',
      occurredAt: NOW.toISOString(),
      payload: { priceId: 'PRICE_PLAN_A_JAN', amount: '20.00', validFrom: '2026-01-15T00:00:00.000Z', validTo: '2026-02-01T00:00:00.000Z', retiredPriceIds: [] },
    });
  });

  describe('retireCurrent', () => {
    it('ends every open-ended row at the new validFrom; the replacement takes over from there', async () => {
      await newOffering('PLAN_B');
      await setPrice.execute({ offeringId: 'PLAN_B', priceId: 'PRICE_PLAN_B_CHEAP', amount: '22.00', validFrom: '2026-01-01T00:00:00Z' });
      const result = await setPrice.execute({ offeringId: 'PLAN_B', priceId: 'PRICE_PLAN_B_2026', amount: '30.00', validFrom: '2026-02-01T00:00:00Z', retireCurrent: true });
      expect(result.retiredPriceIds).toEqual(['PRICE_PLAN_B', 'PRICE_PLAN_B_CHEAP']);
      expect(await catalog.priceById('PRICE_PLAN_B')).toMatchObject({ validTo: at('2026-02-01T00:00:00Z') });
      expect((await catalog.activePrice('PLAN_B', at('2026-01-31T23:59:59.999Z'))).id).toBe('PRICE_PLAN_B_CHEAP');
      expect((await catalog.activePrice('PLAN_B', at('2026-02-01T00:00:00Z'))).id).toBe('PRICE_PLAN_B_2026');
      // The retired row stays readable by id for renewals that pinned it.
      expect(await catalog.priceById('PRICE_PLAN_B')).toMatchObject({ amount: '25.00' });
    });

    it('without validFrom retires at now, and the new row starts now', async () => {
      await newOffering('PLAN_C');
      const result = await setPrice.execute({ offeringId: 'PLAN_C', priceId: 'PRICE_PLAN_C_NOW', amount: '27.00', retireCurrent: true });
      expect(result.retiredPriceIds).toEqual(['PRICE_PLAN_C']);
      expect(result.price).toMatchObject({ validFrom: NOW, validTo: null });
      expect(await catalog.priceById('PRICE_PLAN_C')).toMatchObject({ validTo: NOW });
      expect((await catalog.activePrice('PLAN_C', NOW)).id).toBe('PRICE_PLAN_C_NOW');
      expect((await catalog.activePrice('PLAN_C', at('2026-01-09T00:00:00Z'))).id).toBe('PRICE_PLAN_C');
    });

    it('leaves closed rows and rows scheduled after the cutoff alone', async () => {
      await newOffering('PLAN_D');
      await setPrice.execute({ offeringId: 'PLAN_D', priceId: 'PRICE_PLAN_D_PROMO', amount: '10.00', validFrom: '2026-01-01T00:00:00Z', validTo: '2026-03-01T00:00:00Z' });
      await setPrice.execute({ offeringId: 'PLAN_D', priceId: 'PRICE_PLAN_D_LATER', amount: '40.00', validFrom: '2026-06-01T00:00:00Z' });
      const result = await setPrice.execute({ offeringId: 'PLAN_D', priceId: 'PRICE_PLAN_D_NEW', amount: '28.00', validFrom: '2026-02-01T00:00:00Z', retireCurrent: true });
      expect(result.retiredPriceIds).toEqual(['PRICE_PLAN_D']);
      expect(await catalog.priceById('PRICE_PLAN_D_PROMO')).toMatchObject({ validTo: at('2026-03-01T00:00:00Z') });
      expect(await catalog.priceById('PRICE_PLAN_D_LATER')).toMatchObject({ validTo: null });
    });

    it('refuses a validTo before now when retiring without validFrom, naming validTo', async () => {
      await newOffering('PLAN_E');
      const error = await setPrice.execute({ offeringId: 'PLAN_E', priceId: 'PRICE_PLAN_E_X', amount: '1.00', validTo: '2026-01-01T00:00:00Z', retireCurrent: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).fields.map((f) => f.field)).toEqual(['validTo']);
      expect(await catalog.priceById('PRICE_PLAN_E')).toMatchObject({ validTo: null });
      expect(await priceRows('PRICE_PLAN_E_X')).toBe(0);
    });
  });

  describe('catalog.admin_only', () => {
    it('allows a named actor', async () => {
      await expect(runWithAuth({ actor: 'cli-user' }, () => setPrice.execute({ offeringId: 'PLAN_S', priceId: 'PRICE_ADMIN_OK', amount: '11.00', validFrom: '2030-01-01T00:00:00Z' }))).resolves.toMatchObject({
        price: { id: 'PRICE_ADMIN_OK' },
      });
    });

    it('refuses anonymous and writes nothing', async () => {
      const error = await runWithAuth({ actor: 'anonymous' }, () => setPrice.execute({ offeringId: 'PLAN_S', priceId: 'PRICE_ANON', amount: '1.00', retireCurrent: true })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PolicyViolation);
      expect(error).toMatchObject({ rule: 'catalog.admin_only' });
      expect(await priceRows('PRICE_ANON')).toBe(0);
      expect(await catalog.priceById('PRICE_PLAN_S')).toMatchObject({ validTo: null });
    });
  });

  describe('catalog.offering.not_found', () => {
    it('allows a known offering', async () => {
      await expect(setPrice.execute({ offeringId: 'PLAN_L', priceId: 'PRICE_PLAN_L_X', amount: '44.00', validFrom: '2030-01-01T00:00:00Z' })).resolves.toBeDefined();
    });

    it('refuses an unknown offering, naming it', async () => {
      await expect(setPrice.execute({ offeringId: 'PLAN_NOPE', priceId: 'PRICE_NOPE', amount: '1.00' })).rejects.toMatchObject({
        rule: 'catalog.offering.not_found',
        context: { offeringId: 'PLAN_NOPE' },
      });
    });
  });

  describe('catalog.price.already_exists', () => {
    it('refuses a taken price id and retires nothing', async () => {
      await expect(setPrice.execute({ offeringId: 'PLAN_M', priceId: 'PRICE_PLAN_S', amount: '1.00', retireCurrent: true })).rejects.toMatchObject({
        rule: 'catalog.price.already_exists',
        context: { priceId: 'PRICE_PLAN_S' },
      });
      expect(await catalog.priceById('PRICE_PLAN_M')).toMatchObject({ validTo: null });
      expect(await app.get(AuditQueries).list({ aggregateId: 'PLAN_M' })).toEqual([]);
    });
  });

  describe('input validation names the field and writes nothing', () => {
    const valid: SetPriceInput = { offeringId: 'PLAN_M', priceId: 'PRICE_PLAN_M_BAD', amount: '10.00' };
    it.each<[string, Record<string, unknown>]>([
      ['offeringId', { offeringId: 'plan m' }],
      ['priceId', { priceId: '' }],
      ['amount', { amount: '0' }],
      ['amount', { amount: 'ten' }],
      ['currency', { currency: 'SGDX' }],
      ['validFrom', { validFrom: '31/01/2026' }],
      ['validTo', { validFrom: '2026-02-01T00:00:00Z', validTo: '2026-02-01T00:00:00Z' }],
      ['retireCurrent', { retireCurrent: 'yes' }],
    ])('%s: %j', async (field, patch) => {
      const error = await setPrice.execute({ ...valid, ...patch } as SetPriceInput).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).fields.map((f) => f.field)).toEqual([field]);
      expect(await priceRows('PRICE_PLAN_M_BAD')).toBe(0);
    });
  });
});
