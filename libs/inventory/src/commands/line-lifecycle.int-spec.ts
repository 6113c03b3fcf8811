import { AuditQueries } from '@bss/audit';
import { createTestApp, type TestApp } from '@bss/testing';
import { InventoryModule } from '#inventory/inventory.module';
import { InventoryQueries } from '#inventory/queries/inventory.queries';
import { AssignLineResourcesCommand } from './assign-line-resources.command';
import { ReleaseLineResourcesCommand } from './release-line-resources.command';
import { ReserveLineResourcesCommand } from './reserve-line-resources.command';
import { RetireLineResourcesCommand } from './retire-line-resources.command';

describe('a line’s resources: reserve → assign → retire, and release', () => {
  let app: TestApp;
  let reserve: ReserveLineResourcesCommand;
  let assign: AssignLineResourcesCommand;
  let retire: RetireLineResourcesCommand;
  let release: ReleaseLineResourcesCommand;
  let queries: InventoryQueries;

  beforeAll(async () => {
    app = await createTestApp({ imports: [InventoryModule] });
    reserve = app.get(ReserveLineResourcesCommand);
    assign = app.get(AssignLineResourcesCommand);
    retire = app.get(RetireLineResourcesCommand);
    release = app.get(ReleaseLineResourcesCommand);
    queries = app.get(InventoryQueries);
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });
  afterAll(() => app.close());

  describe('AssignLineResourcesCommand', () => {
    it('records the subscription on the MSISDN (§11.4) and binds + issues the eSIM', async () => {
      const line = await reserve.execute({});
      const result = await assign.execute({ msisdn: line.msisdn, iccid: line.iccid, subscriptionId: 'SUB-0001' });
      expect(result.msisdn).toMatchObject({ msisdn: line.msisdn, status: 'assigned', assignedToSubscriptionId: 'SUB-0001' });
      expect(result.esim).toMatchObject({ profileState: 'reserved', assignedMsisdn: line.msisdn, assignedToSubscriptionId: 'SUB-0001', issuedAt: new Date('2026-01-01T00:00:00Z') });
      expect(await queries.getMsisdn(line.msisdn)).toMatchObject({ assignedToSubscriptionId: 'SUB-0001' });
      expect(await queries.activation(line.iccid)).toMatchObject({ msisdn: line.msisdn, iccid: line.iccid, activationCode: line.activationCode });
    });

    it('is a no-op when repeated for the same line (one event pair only)', async () => {
      const line = await reserve.execute({});
      await assign.execute({ msisdn: line.msisdn, iccid: line.iccid, subscriptionId: 'SUB-0002' });
      await assign.execute({ msisdn: line.msisdn, iccid: line.iccid, subscriptionId: 'SUB-0002' });
      expect(await app.get(AuditQueries).list({ aggregateId: line.msisdn, eventType: 'inventory.msisdn.assigned' })).toHaveLength(1);
    });

    it('refuses a number that is not reserved (msisdn.assign.must_be_reserved)', async () => {
      const line = await reserve.execute({});
      await expect(assign.execute({ msisdn: '90000900', iccid: line.iccid, subscriptionId: 'SUB-0003' })).rejects.toMatchObject({ rule: 'msisdn.assign.must_be_reserved' });
      await release.execute({ msisdn: line.msisdn, iccid: line.iccid });
    });

    it('refuses a profile that is not reserved (esim.assign_msisdn.esim_must_be_reserved)', async () => {
      const line = await reserve.execute({});
      await expect(assign.execute({ msisdn: line.msisdn, iccid: '8910101000000000900', subscriptionId: 'SUB-0003' })).rejects.toMatchObject({
        rule: 'esim.assign_msisdn.esim_must_be_reserved',
      });
      await release.execute({ msisdn: line.msisdn, iccid: line.iccid });
    });

    it('unknown ids are NotFound naming the id; malformed ones InvalidInput naming the field', async () => {
      await expect(assign.execute({ msisdn: '99999999', iccid: '8910101000000000001', subscriptionId: 'SUB-0001' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        context: { entity: 'msisdn', id: '99999999' },
      });
      await expect(assign.execute({ msisdn: '90000001', iccid: '8910101000000000001', subscriptionId: 'SUB-1' })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        context: { fields: [{ field: 'subscriptionId' }] },
      });
    });
  });

  describe('ReleaseLineResourcesCommand', () => {
    it('returns never-issued resources to available', async () => {
      const line = await reserve.execute({});
      const released = await release.execute({ msisdn: line.msisdn, iccid: line.iccid });
      expect(released.msisdn).toMatchObject({ status: 'available', reservedAt: null });
      expect(released.esim).toMatchObject({ profileState: 'available', assignedMsisdn: null });
    });

    it('refuses an issued profile (esim.release.only_if_never_issued) and an available number', async () => {
      const line = await reserve.execute({});
      await assign.execute({ msisdn: line.msisdn, iccid: line.iccid, subscriptionId: 'SUB-0010' });
      await expect(release.execute({ iccid: line.iccid })).rejects.toMatchObject({ rule: 'esim.release.only_if_never_issued' });
      await expect(release.execute({ msisdn: '90000990' })).rejects.toMatchObject({ rule: 'msisdn.release.only_if_reserved_or_assigned' });
    });

    it('needs at least one of msisdn / iccid', async () => {
      await expect(release.execute({})).rejects.toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'msisdn' }] } });
    });
  });

  describe('RetireLineResourcesCommand', () => {
    it('§11.3: recycles an issued eSIM in any post-issue state; the number goes to quarantine for 90 days', async () => {
      const line = await reserve.execute({});
      await assign.execute({ msisdn: line.msisdn, iccid: line.iccid, subscriptionId: 'SUB-0020' });
      const retired = await retire.execute({ msisdn: line.msisdn, iccid: line.iccid, releaseMsisdn: true });
      expect(retired.msisdn).toMatchObject({ status: 'quarantine', quarantineUntil: new Date('2026-04-01T00:00:00Z'), assignedToSubscriptionId: null });
      expect(retired.esim).toMatchObject({ profileState: 'recycled', recycledAt: new Date('2026-01-01T00:00:00Z') });

      await app.db.query(`update inventory.esim_profile set profile_state = 'activated' where iccid = '8910101000000000999'`);
      await app.db.query(`update inventory.msisdn set status = 'assigned' where msisdn = '90000999'`);
      await app.db.query(`update inventory.esim_profile set issued_at = now() where iccid = '8910101000000000999'`);
      expect((await retire.execute({ msisdn: '90000999', iccid: '8910101000000000999' })).esim.profileState).toBe('recycled');
    });

    it('retiring twice is a no-op', async () => {
      const line = await reserve.execute({});
      await assign.execute({ msisdn: line.msisdn, iccid: line.iccid, subscriptionId: 'SUB-0021' });
      await retire.execute({ msisdn: line.msisdn, iccid: line.iccid });
      const again = await retire.execute({ msisdn: line.msisdn, iccid: line.iccid });
      expect(again.msisdn.status).toBe('quarantine');
      expect(await app.get(AuditQueries).list({ aggregateId: line.iccid, eventType: 'inventory.esim.recycled' })).toHaveLength(1);
    });

    it('refuses to recycle a profile that was only held (esim.recycle.only_if_issued)', async () => {
      const line = await reserve.execute({});
      await expect(retire.execute({ msisdn: line.msisdn, iccid: line.iccid })).rejects.toMatchObject({ rule: 'esim.recycle.only_if_issued' });
      await release.execute({ msisdn: line.msisdn, iccid: line.iccid });
    });

    it('releaseMsisdn=false leaves the number alone (port-out keeps it ported_out)', async () => {
      const line = await reserve.execute({});
      await assign.execute({ msisdn: line.msisdn, iccid: line.iccid, subscriptionId: 'SUB-0022' });
      const retired = await retire.execute({ msisdn: line.msisdn, iccid: line.iccid, releaseMsisdn: false });
      expect(retired.msisdn).toMatchObject({ status: 'assigned', assignedToSubscriptionId: 'SUB-0022' });
      expect(retired.esim.profileState).toBe('recycled');
    });

    it('invariant 42: a retired number is reusable once quarantine is over, without a uniqueness error', async () => {
      const line = await reserve.execute({});
      await assign.execute({ msisdn: line.msisdn, iccid: line.iccid, subscriptionId: 'SUB-0030' });
      await retire.execute({ msisdn: line.msisdn, iccid: line.iccid });
      await expect(reserve.execute({ msisdnPreference: line.msisdn })).rejects.toMatchObject({ rule: 'msisdn.reserve.no_available' });
      expect((await queries.listMsisdns({ status: 'quarantine', limit: 100 })).map((m) => m.msisdn)).toContain(line.msisdn);

      await app.clock.advance('90d');
      expect(await queries.getMsisdn(line.msisdn)).toMatchObject({ status: 'available' });
      const again = await reserve.execute({ msisdnPreference: line.msisdn });
      await assign.execute({ msisdn: again.msisdn, iccid: again.iccid, subscriptionId: 'SUB-0031' });
      expect(await queries.getMsisdn(line.msisdn)).toMatchObject({ status: 'assigned', assignedToSubscriptionId: 'SUB-0031', quarantineUntil: null });
    });

    it('an expired quarantine is handed out lowest first like any free number', async () => {
      await app.db.query(`update inventory.msisdn set status = 'quarantine', quarantine_until = '2026-01-02T00:00:00Z' where msisdn = '90000001'`);
      const freeBefore = await queries.listMsisdns({ status: 'available', limit: 1 });
      expect(freeBefore[0]?.msisdn).toBe('90000001');
      expect((await reserve.execute({})).msisdn).toBe('90000001');
    });
  });
});
