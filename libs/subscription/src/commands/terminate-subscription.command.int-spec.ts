import { AuditQueries } from '@bss/audit';
import { ApprovePortRequestCommand, ChangeCustomerStatusCommand, CreatePortRequestCommand } from '@bss/crm';
import { InventoryQueries } from '@bss/inventory';
import { LiveLinePort } from '@bss/payment';
import { PolicyViolation } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { SubscriptionModule } from '#subscription/subscription.module';
import { SubscriptionQueries } from '#subscription/queries/subscription.queries';
import { createTestLine } from '#subscription/testing';
import { TerminateSubscriptionCommand } from './terminate-subscription.command';

describe('TerminateSubscriptionCommand and port-out', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [SubscriptionModule] });
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });
  afterAll(() => app.close());

  it('terminates: MSISDN to quarantine, eSIM recycled, and the number is reusable by a new line later', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_S' });
    expect(await app.get(LiveLinePort).hasLiveLine(customer?.id ?? '')).toBe(true);
    const ended = await app.get(TerminateSubscriptionCommand).execute({ subscriptionId: s.id, reason: 'csr_initiated' });
    expect(ended).toMatchObject({ state: 'terminated', stateReason: 'csr_initiated' });
    expect(ended.terminatedAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(await app.get(InventoryQueries).getMsisdn(s.msisdn)).toMatchObject({ status: 'quarantine', assignedToSubscriptionId: null });
    expect((await app.get(InventoryQueries).getEsim(s.iccid)).profileState).toBe('recycled');
    const [event] = await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.terminated' });
    expect(event?.payload).toMatchObject({ subscriptionId: s.id, msisdn: s.msisdn, iccid: s.iccid, reason: 'csr_initiated', terminatedAt: '2026-01-01T00:00:00.000Z' });
    expect(await app.get(LiveLinePort).hasLiveLine(customer?.id ?? '')).toBe(false);

    const again = await app.get(TerminateSubscriptionCommand).execute({ subscriptionId: s.id }).catch((e: unknown) => e);
    expect((again as PolicyViolation).rule).toBe('subscription.terminate.invalid_state');

    // §12.42: after the quarantine the same number goes to a new line without a uniqueness error.
    await app.clock.advance('91d');
    const reused = await createTestLine(app, { offeringId: 'PLAN_S', msisdnPreference: s.msisdn });
    expect(reused.subscription).toMatchObject({ msisdn: s.msisdn, state: 'active' });
    expect((await app.get(SubscriptionQueries).getByMsisdn(s.msisdn)).id).toBe(reused.subscription.id);
    await app.clock.freeze('2026-01-01T00:00:00Z');
  });

  it('CRM cannot close a customer who still has a live line', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const error = await app
      .get(ChangeCustomerStatusCommand)
      .execute({ customerId: customer?.id ?? '', status: 'closed' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyViolation);
    expect(JSON.stringify((error as PolicyViolation).context)).toContain(s.id);
  });

  it('an approved port-out terminates the line as ported_out, keeps the number out of quarantine, once', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_M' });
    const port = await app.get(CreatePortRequestCommand).execute({ direction: 'port_out', donorCarrier: 'OtherTel', donorMsisdn: s.msisdn, targetSubscriptionId: s.id });
    await app.get(ApprovePortRequestCommand).execute({ portRequestId: port.id });
    await app.jobs.drain();
    const ended = await app.get(SubscriptionQueries).get(s.id);
    expect(ended).toMatchObject({ state: 'terminated', stateReason: 'ported_out' });
    expect((await app.get(InventoryQueries).getMsisdn(s.msisdn)).status).toBe('ported_out');
    expect((await app.get(InventoryQueries).getEsim(s.iccid)).profileState).toBe('recycled');
    const [event] = await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.terminated' });
    expect(event).toMatchObject({ actor: 'system:port_out', payload: { reason: 'ported_out', releaseInventory: false } });
    await app.jobs.drain();
    expect(await app.get(AuditQueries).list({ aggregateId: s.id, eventType: 'subscription.terminated' })).toHaveLength(1);
  });
});
