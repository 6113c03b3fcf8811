import { AuditQueries } from '@bss/audit';
import { createTestApp, type TestApp } from '@bss/testing';
import { InventoryModule } from '#inventory/inventory.module';
import { InventoryQueries } from '#inventory/queries/inventory.queries';
import { AddMsisdnRangeCommand } from './add-msisdn-range.command';
import { ReserveLineResourcesCommand } from './reserve-line-resources.command';

describe('ReserveLineResourcesCommand', () => {
  let app: TestApp;
  let reserve: ReserveLineResourcesCommand;
  let queries: InventoryQueries;

  beforeAll(async () => {
    app = await createTestApp({ imports: [InventoryModule] });
    reserve = app.get(ReserveLineResourcesCommand);
    queries = app.get(InventoryQueries);
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });
  afterAll(() => app.close());

  it('takes the lowest free MSISDN and the lowest free eSIM, and holds both', async () => {
    const line = await reserve.execute({});
    expect(line).toEqual({
      msisdn: '90000000',
      iccid: '8910101000000000000',
      imsi: '525010000000000',
      activationCode: expect.stringMatching(/^LPA:1\$smdp\.bss-cli\.local\$[0-9A-F]{16}$/),
      smdpServer: 'smdp.bss-cli.local',
      matchingId: expect.stringMatching(/^[0-9A-F]{16}$/),
    });
    expect(line.activationCode.endsWith(line.matchingId)).toBe(true);
    expect(await queries.getMsisdn('90000000')).toMatchObject({ status: 'reserved', reservedAt: new Date('2026-01-01T00:00:00Z') });
    expect(await queries.getEsim(line.iccid)).toMatchObject({ profileState: 'reserved', reservedAt: new Date('2026-01-01T00:00:00Z') });
    const events = await app.get(AuditQueries).list({ eventType: 'inventory.' });
    expect(events.map((e) => e.eventType).sort()).toEqual(['inventory.esim.reserved', 'inventory.msisdn.reserved']);
  });

  it('with a preference takes exactly that number', async () => {
    const line = await reserve.execute({ msisdnPreference: '90000500' });
    expect(line.msisdn).toBe('90000500');
  });

  it('never falls back when the preferred number is taken or unknown (msisdn.reserve.no_available)', async () => {
    await expect(reserve.execute({ msisdnPreference: '90000500' })).rejects.toMatchObject({ rule: 'msisdn.reserve.no_available' });
    await expect(reserve.execute({ msisdnPreference: '99999999' })).rejects.toMatchObject({ rule: 'msisdn.reserve.no_available' });
  });

  it('a malformed preference is InvalidInput naming the field, and nothing is held', async () => {
    const before = await queries.countMsisdns();
    await expect(reserve.execute({ msisdnPreference: '12ab' })).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'msisdnPreference' }] } });
    expect(await queries.countMsisdns()).toEqual(before);
  });

  it('invariant 32: 50 concurrent reservations get 50 distinct MSISDNs and ICCIDs, the lowest free ones', async () => {
    const free = (await queries.listMsisdns({ status: 'available', limit: 50 })).map((m) => m.msisdn);
    const freeEsims = (await queries.listEsims({ state: 'available', limit: 50 })).map((e) => e.iccid);
    const lines = await Promise.all(Array.from({ length: 50 }, () => reserve.execute({})));
    const msisdns = new Set(lines.map((l) => l.msisdn));
    const iccids = new Set(lines.map((l) => l.iccid));
    expect(msisdns.size).toBe(50);
    expect(iccids.size).toBe(50);
    expect([...msisdns].sort()).toEqual(free);
    expect([...iccids].sort()).toEqual(freeEsims);
  });

  it('when the eSIM pool is empty nothing is held (esim.reserve.status_must_be_available)', async () => {
    await app.db.query(`update inventory.esim_profile set profile_state = 'recycled' where profile_state = 'available'`);
    const before = await queries.countMsisdns();
    await expect(reserve.execute({})).rejects.toMatchObject({ rule: 'esim.reserve.status_must_be_available' });
    expect(await queries.countMsisdns()).toEqual(before);
    await app.db.query(`update inventory.esim_profile set profile_state = 'available' where profile_state = 'recycled'`);
  });

  it('when the MSISDN pool is empty: msisdn.reserve.no_available', async () => {
    await app.db.query(`update inventory.msisdn set status = 'assigned' where status = 'available'`);
    await expect(reserve.execute({})).rejects.toMatchObject({ rule: 'msisdn.reserve.no_available' });
    await app.db.query(`update inventory.msisdn set status = 'available' where status = 'assigned'`);
  });
});

describe('pool low watermark (invariant 33)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ imports: [InventoryModule] });
  });
  afterAll(() => app.close());

  it('a reservation that leaves ≤ threshold free numbers emits one inventory.msisdn.pool_low', async () => {
    // Leave 52 free numbers: 2 reservations stay above 50, the next ones go to 50 and below.
    await app.db.query(`update inventory.msisdn set status = 'assigned' where msisdn::bigint >= 90000052`);
    const reserve = app.get(ReserveLineResourcesCommand);
    const audit = app.get(AuditQueries);
    await reserve.execute({});
    expect(await audit.list({ eventType: 'inventory.msisdn.pool_low' })).toHaveLength(0);
    await reserve.execute({});
    const [low] = await audit.list({ eventType: 'inventory.msisdn.pool_low' });
    expect(low).toMatchObject({ aggregateType: 'msisdn_pool', payload: { available: 50, threshold: 50 } });
    await reserve.execute({});
    expect(await audit.list({ eventType: 'inventory.msisdn.pool_low' })).toHaveLength(2);
  });

  it('honours BSS_INVENTORY_MSISDN_POOL_LOW_THRESHOLD', async () => {
    process.env.BSS_INVENTORY_MSISDN_POOL_LOW_THRESHOLD = '10';
    try {
      await app.get(ReserveLineResourcesCommand).execute({});
      expect(await app.get(AuditQueries).list({ eventType: 'inventory.msisdn.pool_low' })).toHaveLength(2);
    } finally {
      delete process.env.BSS_INVENTORY_MSISDN_POOL_LOW_THRESHOLD;
    }
  });

  it('adding a range lifts the pool back above the watermark', async () => {
    await app.get(AddMsisdnRangeCommand).execute({ prefix: '9100', count: 100 });
    const before = (await app.get(AuditQueries).list({ eventType: 'inventory.msisdn.pool_low' })).length;
    await app.get(ReserveLineResourcesCommand).execute({});
    expect(await app.get(AuditQueries).list({ eventType: 'inventory.msisdn.pool_low' })).toHaveLength(before);
  });
});
