import { AuditQueries } from '@bss/audit';
import { InvalidInput, PolicyViolation } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { createTestApp, type TestApp } from '@bss/testing';
import { CatalogModule } from '#catalog/catalog.module';
import { CatalogQueries } from '#catalog/queries/catalog.queries';
import { WindowOfferingCommand, type WindowOfferingInput } from './window-offering.command';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-01-10T00:00:00Z');

describe('WindowOfferingCommand', () => {
  let app: TestApp;
  let windowOffering: WindowOfferingCommand;
  let catalog: CatalogQueries;
  const activeIds = async (iso: string) => (await catalog.listActiveOfferings(at(iso))).map((o) => o.id);

  beforeAll(async () => {
    app = await createTestApp({ imports: [CatalogModule] });
    await app.clock.freeze(NOW);
    windowOffering = app.get(WindowOfferingCommand);
    catalog = app.get(CatalogQueries);
  });
  afterAll(() => app.close());

  it('puts an offering on sale only inside [validFrom, validTo)', async () => {
    const view = await runWithAuth({ actor: 'ops.jane' }, () =>
      windowOffering.execute({ offeringId: 'PLAN_L', validFrom: '2026-02-01T00:00:00Z', validTo: '2026-03-01T00:00:00Z' }),
    );
    expect(view).toMatchObject({ id: 'PLAN_L', validFrom: at('2026-02-01T00:00:00Z'), validTo: at('2026-03-01T00:00:00Z') });
    expect(view.prices.map((p) => p.id)).toEqual(['PRICE_PLAN_L']);
    expect(await activeIds('2026-01-31T23:59:59Z')).toEqual(['PLAN_S', 'PLAN_M']);
    expect(await activeIds('2026-02-01T00:00:00Z')).toEqual(['PLAN_S', 'PLAN_M', 'PLAN_L']);
    expect(await activeIds('2026-03-01T00:00:00Z')).toEqual(['PLAN_S', 'PLAN_M']);
    const [event] = await app.get(AuditQueries).list({ aggregateId: 'PLAN_L' });
    expect(event).toMatchObject({
      eventType: 'catalog.offering_windowed',
      actor: 'ops.jane',
      payload: { validFrom: '2026-02-01T00:00:00.000Z', validTo: '2026-03-01T00:00:00.000Z', previous: { validFrom: null, validTo: null } },
    });
  });

  it('omitted bounds open the window again', async () => {
    await expect(windowOffering.execute({ offeringId: 'PLAN_L' })).resolves.toMatchObject({ validFrom: null, validTo: null });
    expect(await activeIds('2026-01-10T00:00:00Z')).toContain('PLAN_L');
  });

  describe('catalog.admin_only', () => {
    it('allows a named actor', async () => {
      await expect(runWithAuth({ actor: 'cli-user' }, () => windowOffering.execute({ offeringId: 'PLAN_S', validTo: '2099-01-01T00:00:00Z' }))).resolves.toMatchObject({
        validTo: at('2099-01-01T00:00:00Z'),
      });
    });

    it('refuses anonymous and changes nothing', async () => {
      const error = await runWithAuth({ actor: 'anonymous' }, () => windowOffering.execute({ offeringId: 'PLAN_M', validTo: '2026-01-11T00:00:00Z' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PolicyViolation);
      expect(error).toMatchObject({ rule: 'catalog.admin_only' });
      expect(await catalog.getOffering('PLAN_M')).toMatchObject({ validTo: null });
    });
  });

  describe('catalog.offering.not_found', () => {
    it('allows a known offering', async () => {
      await expect(windowOffering.execute({ offeringId: 'PLAN_M', validFrom: '2020-01-01T00:00:00Z' })).resolves.toMatchObject({ id: 'PLAN_M' });
    });

    it('refuses an unknown offering, naming it', async () => {
      await expect(windowOffering.execute({ offeringId: 'PLAN_NOPE', validTo: '2026-02-01T00:00:00Z' })).rejects.toMatchObject({
        rule: 'catalog.offering.not_found',
        context: { offeringId: 'PLAN_NOPE' },
      });
      expect(await app.get(AuditQueries).list({ aggregateId: 'PLAN_NOPE' })).toEqual([]);
    });
  });

  describe('input validation names the field and writes nothing', () => {
    it.each<[string, Record<string, unknown>]>([
      ['offeringId', { offeringId: 'PLAN-M' }],
      ['validFrom', { validFrom: 'yesterday' }],
      ['validTo', { validTo: 20260201 }],
      ['validTo', { validFrom: '2026-03-01T00:00:00Z', validTo: '2026-02-01T00:00:00Z' }],
    ])('%s: %j', async (field, patch) => {
      const error = await windowOffering.execute({ offeringId: 'PLAN_M', ...patch } as WindowOfferingInput).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).fields.map((f) => f.field)).toEqual([field]);
      expect(await catalog.getOffering('PLAN_M')).toMatchObject({ validTo: null });
    });
  });
});
