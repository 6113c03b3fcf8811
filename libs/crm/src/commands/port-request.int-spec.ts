import { AuditQueries } from '@bss/audit';
import { InvalidInput, NotFound } from '@bss/platform';
import {
  AssignLineResourcesCommand,
  InventoryQueries,
  ReleaseLineResourcesCommand,
  ReserveLineResourcesCommand,
} from '@bss/inventory';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { PORT_OUT_APPROVED_QUEUE, type PortOutApprovedJob } from '#crm/domain/port-out-approved.job';
import { PortRequestQueries } from '#crm/queries/port-request.queries';
import { expectRuleAsync } from '#crm/testing';
import { ApprovePortRequestCommand } from './approve-port-request.command';
import { CreatePortRequestCommand } from './create-port-request.command';
import { RejectPortRequestCommand } from './reject-port-request.command';

describe('port requests: Create / Approve / Reject', () => {
  let app: TestApp;
  let create: CreatePortRequestCommand;
  let approve: ApprovePortRequestCommand;
  let reject: RejectPortRequestCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    await app.clock.freeze('2026-04-01T08:00:00Z');
    create = app.get(CreatePortRequestCommand);
    approve = app.get(ApprovePortRequestCommand);
    reject = app.get(RejectPortRequestCommand);
  });
  afterAll(() => app.close());

  it('creates a request in state requested with an uppercase PORT- id and an event', async () => {
    const request = await create.execute({ direction: 'port_in', donorCarrier: 'Singtel', donorMsisdn: '81230001', requestedPortDate: '2026-04-10' });
    expect(request).toMatchObject({ direction: 'port_in', state: 'requested', donorMsisdn: '81230001', requestedPortDate: '2026-04-10' });
    expect(request.id).toMatch(/^PORT-[0-9A-F]{8}$/);
    const [event] = await app.get(AuditQueries).list({ aggregateId: request.id, eventType: 'port.created' });
    expect(event.payload).toMatchObject({ direction: 'port_in', donorMsisdn: '81230001' });
  });

  it('refuses a bad direction, a port-out without target, and malformed numbers', async () => {
    await expectRuleAsync(create.execute({ direction: 'sideways', donorCarrier: 'M1', donorMsisdn: '81230002' }), 'port.create.direction_valid');
    await expectRuleAsync(
      create.execute({ direction: 'port_out', donorCarrier: 'M1', donorMsisdn: '81230002' }),
      'port.create.target_sub_required_for_port_out',
    );
    await expect(create.execute({ direction: 'port_in', donorCarrier: 'M1', donorMsisdn: '123' })).rejects.toBeInstanceOf(InvalidInput);
  });

  it('invariant 31: only one live request per donor MSISDN; a rejected one frees the number', async () => {
    const first = await create.execute({ direction: 'port_in', donorCarrier: 'StarHub', donorMsisdn: '81230003' });
    await expectRuleAsync(
      create.execute({ direction: 'port_in', donorCarrier: 'StarHub', donorMsisdn: '81230003' }),
      'port.create.donor_msisdn_unique_among_pending',
    );
    const racers = await Promise.allSettled([1, 2].map(() => create.execute({ direction: 'port_in', donorCarrier: 'M1', donorMsisdn: '81230004' })));
    expect(racers.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(racers.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason).toMatchObject({
      rule: 'port.create.donor_msisdn_unique_among_pending',
    });
    await reject.execute({ portRequestId: first.id, reason: 'donor account mismatch' });
    expect((await create.execute({ direction: 'port_in', donorCarrier: 'StarHub', donorMsisdn: '81230003' })).state).toBe('requested');
  });

  it('approving a port-in adds the donor number to the pool (assigned to the target line when given)', async () => {
    const free = await create.execute({ direction: 'port_in', donorCarrier: 'Singtel', donorMsisdn: '81230010' });
    const approved = await approve.execute({ portRequestId: free.id });
    expect(approved).toMatchObject({ state: 'completed', completedAt: new Date('2026-04-01T08:00:00Z') });
    const inventory = app.get(InventoryQueries);
    expect(await inventory.getMsisdn('81230010')).toMatchObject({ status: 'available' });

    const targeted = await create.execute({ direction: 'port_in', donorCarrier: 'Singtel', donorMsisdn: '81230011', targetSubscriptionId: 'SUB-0042' });
    await approve.execute({ portRequestId: targeted.id });
    expect(await inventory.getMsisdn('81230011')).toMatchObject({ status: 'assigned', assignedToSubscriptionId: 'SUB-0042' });
    const events = await app.get(AuditQueries).list({ aggregateId: targeted.id });
    expect(events.map((e) => e.eventType).reverse()).toEqual(['port.created', 'port.approved', 'port.completed']);
    expect(await app.get(AuditQueries).list({ aggregateId: '81230011', eventType: 'inventory.msisdn.seeded_from_port_in' })).toHaveLength(1);
  });

  it('invariant 30: port-out approval makes the number ported_out until 9999-12-31, enqueues the line termination, and the number never comes back', async () => {
    const line = await app.get(ReserveLineResourcesCommand).execute({});
    await app.get(AssignLineResourcesCommand).execute({ msisdn: line.msisdn, iccid: line.iccid, subscriptionId: 'SUB-0007' });
    const request = await create.execute({ direction: 'port_out', donorCarrier: 'M1', donorMsisdn: line.msisdn, targetSubscriptionId: 'SUB-0007' });
    await approve.execute({ portRequestId: request.id });

    expect(await app.get(InventoryQueries).getMsisdn(line.msisdn)).toMatchObject({
      status: 'ported_out',
      quarantineUntil: new Date('9999-12-31T00:00:00.000Z'),
    });
    const [approvedEvent] = await app.get(AuditQueries).list({ aggregateId: request.id, eventType: 'port.approved' });
    const jobs = await app.jobs.list({ queue: PORT_OUT_APPROVED_QUEUE });
    expect(jobs.map((j) => j.data)).toEqual([
      { portRequestId: request.id, subscriptionId: 'SUB-0007', msisdn: line.msisdn, eventId: approvedEvent.eventId } satisfies PortOutApprovedJob,
    ]);

    await expect(app.get(ReleaseLineResourcesCommand).execute({ msisdn: line.msisdn })).rejects.toMatchObject({ code: 'POLICY_VIOLATION' });
    await expect(app.get(ReserveLineResourcesCommand).execute({ msisdnPreference: line.msisdn })).rejects.toMatchObject({
      rule: 'msisdn.reserve.no_available',
    });
  });

  it('a port-out of a number that is not ours rolls back entirely', async () => {
    const request = await create.execute({ direction: 'port_out', donorCarrier: 'M1', donorMsisdn: '89999999', targetSubscriptionId: 'SUB-0008' });
    await expect(approve.execute({ portRequestId: request.id })).rejects.toBeInstanceOf(NotFound);
    expect((await app.get(PortRequestQueries).get(request.id)).state).toBe('requested');
    expect(await app.get(AuditQueries).list({ aggregateId: request.id, eventType: 'port.approved' })).toEqual([]);
  });

  it('reject needs a reason; completed and rejected requests do not move again', async () => {
    const request = await create.execute({ direction: 'port_in', donorCarrier: 'Singtel', donorMsisdn: '81230020' });
    await expectRuleAsync(reject.execute({ portRequestId: request.id }), 'port.reject.requires_reason');
    await expectRuleAsync(reject.execute({ portRequestId: request.id, reason: ' ' }), 'port.reject.requires_reason');
    expect(await reject.execute({ portRequestId: request.id, reason: 'not the account holder' })).toMatchObject({
      state: 'rejected',
      rejectionReason: 'not the account holder',
    });
    await expectRuleAsync(approve.execute({ portRequestId: request.id }), 'port_request.transition.valid');
    await expectRuleAsync(reject.execute({ portRequestId: request.id, reason: 'again' }), 'port_request.transition.valid');
    const [event] = await app.get(AuditQueries).list({ aggregateId: request.id, eventType: 'port.rejected' });
    expect(event.payload).toMatchObject({ reason: 'not the account holder' });
    await expect(approve.execute({ portRequestId: 'PORT-00000000' })).rejects.toThrow(new NotFound('port request', 'PORT-00000000'));
  });
});
