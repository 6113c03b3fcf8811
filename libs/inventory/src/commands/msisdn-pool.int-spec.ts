import { AuditQueries } from '@bss/audit';
import { resetOperationalData } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { InventoryModule } from '#inventory/inventory.module';
import { InventoryQueries } from '#inventory/queries/inventory.queries';
import { AddMsisdnRangeCommand } from './add-msisdn-range.command';
import { AddPortedInMsisdnCommand } from './add-ported-in-msisdn.command';
import { AssignLineResourcesCommand } from './assign-line-resources.command';
import { MarkMsisdnPortedOutCommand } from './mark-msisdn-ported-out.command';
import { ReleaseLineResourcesCommand } from './release-line-resources.command';
import { ReserveLineResourcesCommand } from './reserve-line-resources.command';

describe('the MSISDN pool: ranges, port-in, port-out, seed and reset', () => {
  let app: TestApp;
  let queries: InventoryQueries;

  beforeAll(async () => {
    app = await createTestApp({ imports: [InventoryModule] });
    queries = app.get(InventoryQueries);
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });
  afterAll(() => app.close());

  it('seeds 1000 numbers 90000000–90000999 and 1000 eSIMs, idempotently', async () => {
    await app.db.seed();
    expect(await queries.countMsisdns()).toEqual({ prefix: null, available: 1000, reserved: 0, assigned: 0, quarantine: 0, portedOut: 0, total: 1000 });
    const [last] = await queries.listMsisdns({ prefix: '90000999' });
    expect(last?.msisdn).toBe('90000999');
    const [{ n, keys }] = await app.db.query<{ n: string; keys: string }>(
      `select count(*) as n, count(*) filter (where ki_ref ~ '^hsm://ref/[0-9a-f-]{36}$') as keys from inventory.esim_profile`,
    );
    expect([Number(n), Number(keys)]).toEqual([1000, 1000]);
    expect(await queries.getEsim('8910101000000000999')).toMatchObject({ imsi: '525010000000999', profileState: 'available', smdpServer: 'smdp.bss-cli.local' });
  });

  describe('AddMsisdnRangeCommand (invariant 33)', () => {
    it('add-range 9100 100 creates 91000000–91000099; again inserts 0 and skips 100', async () => {
      const add = app.get(AddMsisdnRangeCommand);
      expect(await add.execute({ prefix: '9100', count: 100 })).toEqual({ prefix: '9100', count: 100, inserted: 100, skipped: 0, first: '91000000', last: '91000099' });
      expect(await add.execute({ prefix: '9100', count: 100 })).toEqual({ prefix: '9100', count: 100, inserted: 0, skipped: 100, first: '91000000', last: '91000099' });
      expect(await queries.countMsisdns({ prefix: '9100' })).toMatchObject({ prefix: '9100', available: 100, total: 100 });
      const [event] = await app.get(AuditQueries).list({ eventType: 'inventory.msisdn.range_added' });
      expect(event).toMatchObject({ aggregateId: '9100', payload: { inserted: 0, skipped: 100 } });
    });

    it('an overlapping range inserts only the missing numbers', async () => {
      expect(await app.get(AddMsisdnRangeCommand).execute({ prefix: '9100', count: 150 })).toMatchObject({ inserted: 50, skipped: 100, last: '91000149' });
    });

    it('refuses an insane prefix or count (msisdn.add_range.sane_prefix), writing nothing', async () => {
      const add = app.get(AddMsisdnRangeCommand);
      await expect(add.execute({ prefix: '910', count: 10 })).rejects.toMatchObject({ rule: 'msisdn.add_range.sane_prefix' });
      await expect(add.execute({ prefix: '9200', count: 10_001 })).rejects.toMatchObject({ rule: 'msisdn.add_range.sane_prefix' });
      expect((await queries.countMsisdns({ prefix: '92' })).total).toBe(0);
    });

    it('a count that is not an integer is InvalidInput naming count', async () => {
      await expect(app.get(AddMsisdnRangeCommand).execute({ prefix: '9200', count: '10' as unknown as number })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        context: { fields: [{ field: 'count' }] },
      });
    });
  });

  describe('MarkMsisdnPortedOutCommand (invariant 30)', () => {
    it('makes the number terminal until 9999-12-31: never released, never reserved again', async () => {
      const line = await app.get(ReserveLineResourcesCommand).execute({ msisdnPreference: '90000700' });
      await app.get(AssignLineResourcesCommand).execute({ msisdn: line.msisdn, iccid: line.iccid, subscriptionId: 'SUB-0700' });
      const out = await app.get(MarkMsisdnPortedOutCommand).execute({ msisdn: '90000700' });
      expect(out).toMatchObject({ status: 'ported_out', quarantineUntil: new Date('9999-12-31T00:00:00Z') });
      await expect(app.get(ReleaseLineResourcesCommand).execute({ msisdn: '90000700' })).rejects.toMatchObject({ rule: 'msisdn.release.terminal_status' });
      await expect(app.get(ReserveLineResourcesCommand).execute({ msisdnPreference: '90000700' })).rejects.toMatchObject({ rule: 'msisdn.reserve.no_available' });
      const [event] = await app.get(AuditQueries).list({ eventType: 'inventory.msisdn.ported_out' });
      expect(event).toMatchObject({ aggregateId: '90000700', payload: { from: 'assigned', subscriptionId: 'SUB-0700' } });
    });

    it('marking it again is a no-op; an unknown number is NotFound', async () => {
      await app.get(MarkMsisdnPortedOutCommand).execute({ msisdn: '90000700' });
      expect(await app.get(AuditQueries).list({ eventType: 'inventory.msisdn.ported_out' })).toHaveLength(1);
      await expect(app.get(MarkMsisdnPortedOutCommand).execute({ msisdn: '99999999' })).rejects.toMatchObject({ code: 'NOT_FOUND', context: { id: '99999999' } });
    });
  });

  describe('AddPortedInMsisdnCommand', () => {
    it('adds the donor number as assigned to its line, or available without one', async () => {
      const add = app.get(AddPortedInMsisdnCommand);
      expect(await add.execute({ msisdn: '81234567', subscriptionId: 'SUB-0800' })).toMatchObject({ inserted: true, msisdn: { status: 'assigned', assignedToSubscriptionId: 'SUB-0800' } });
      expect(await add.execute({ msisdn: '81234568' })).toMatchObject({ inserted: true, msisdn: { status: 'available' } });
      expect(await app.get(AuditQueries).list({ eventType: 'inventory.msisdn.seeded_from_port_in' })).toHaveLength(2);
    });

    it('leaves an existing row untouched', async () => {
      expect(await app.get(AddPortedInMsisdnCommand).execute({ msisdn: '90000700', subscriptionId: 'SUB-0801' })).toMatchObject({
        inserted: false,
        msisdn: { status: 'ported_out' },
      });
    });
  });

  it('queries filter by state and prefix, and count per status', async () => {
    expect((await queries.listMsisdns({ status: 'ported_out' })).map((m) => m.msisdn)).toEqual(['90000700']);
    expect((await queries.listMsisdns({ prefix: '8123' })).map((m) => m.msisdn)).toEqual(['81234567', '81234568']);
    expect(await queries.countMsisdns({ prefix: '9000' })).toMatchObject({ portedOut: 1, total: 1000 });
    expect((await queries.listEsims({ state: 'reserved' })).map((e) => e.iccid)).toEqual(['8910101000000000000']);
    await expect(queries.listMsisdns({ status: 'lost' as never })).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'status' }] } });
    await expect(queries.getEsim('8910101999999999999')).rejects.toMatchObject({ code: 'NOT_FOUND', context: { entity: 'esim' } });
    await expect(queries.getEsim('123')).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'iccid' }] } });
  });

  it('admin reset returns both pools to available and keeps added numbers', async () => {
    await app.db.transaction((tx) => resetOperationalData(tx));
    expect(await queries.countMsisdns()).toMatchObject({ available: 1152, reserved: 0, assigned: 0, quarantine: 0, portedOut: 0, total: 1152 });
    expect(await queries.listEsims({ state: 'reserved' })).toEqual([]);
  });
});
