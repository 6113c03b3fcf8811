import { AuditQueries } from '@bss/audit';
import { CatalogQueries } from '@bss/catalog';
import { CaseQueries, CustomerQueries, OpenCaseFromChatCommand, TicketQueries } from '@bss/crm';
import { createTestCustomer, openTestCase, openTestTicket } from '@bss/crm/testing';
import { DraftOrderCommand, OrderQueries, ProvisioningQueries } from '@bss/orders';
import { givenOrderingCustomer } from '@bss/orders/testing';
import { runWithAuth } from '@bss/policies';
import { SubscriptionQueries } from '@bss/subscription';
import { createTestLine } from '@bss/subscription/testing';
import { CONFIRM_REQUIRED } from '#cockpit/http/cockpit-routes';
import { addOperator, createCockpitTestApp, flashOf, TestBrowser, type CockpitTestApp } from '#cockpit/testing/cockpit-test-app';

/**
 * Behaviour 34: each danger route without confirm=yes → flash, no write; with it → the write. A
 * route is exercised twice on the same fixture: first refused (state unchanged), then confirmed.
 */
describe('cockpit danger routes: the two-step confirm, both directions', () => {
  let t: CockpitTestApp;
  let browser: TestBrowser;
  const asTest = <T>(fn: () => Promise<T>) => runWithAuth({ actor: 'test', channel: 'cli' }, fn);

  beforeAll(async () => {
    t = await createCockpitTestApp();
    await addOperator(t, 'ada@ops.test', 'admin');
    browser = new TestBrowser(t);
    await browser.signIn('ada@ops.test');
  });

  afterAll(() => t.close());

  /** POSTs without, then with, confirm=yes from the page the panel sits on; returns both 303 targets. */
  async function bothWays(page: string, action: string, form: Record<string, string> = {}): Promise<{ refused: string; confirmed: string }> {
    const shown = await browser.get(page);
    expect(shown.status === 200 ? 200 : shown.body.slice(0, 2000)).toBe(200);
    const refused = await browser.post(action, form);
    expect(refused.status).toBe(303);
    expect(flashOf(refused.location).err).toBe(CONFIRM_REQUIRED);
    return { refused: refused.location!, confirmed: '' };
  }

  async function confirm(page: string, action: string, form: Record<string, string> = {}): Promise<string> {
    await browser.get(page);
    const res = await browser.post(action, { ...form, confirm: 'yes' });
    expect(res.status).toBe(303);
    return res.location!;
  }

  it('terminate: refused without confirm (line still active), terminated with it; the operator is the audit actor', async () => {
    const { subscription } = await asTest(() => createTestLine(t));
    const page = `/subscriptions/${subscription.id}`;
    const { refused } = await bothWays(page, `${page}/terminate`, { reason: 'csr_initiated', release_inventory: 'yes' });
    expect(refused.split('?')[0]).toBe(page);
    expect((await t.get(SubscriptionQueries).get(subscription.id)).state).toBe('active');
    const done = await confirm(page, `${page}/terminate`, { reason: 'csr_initiated', release_inventory: 'yes' });
    expect(flashOf(done)).toEqual({ err: null, flash: `Line ${subscription.id} terminated` });
    expect((await t.get(SubscriptionQueries).get(subscription.id)).state).toBe('terminated');
    const [event] = await t.get(AuditQueries).list({ aggregateId: subscription.id, eventType: 'subscription.terminated' });
    expect(event).toMatchObject({ actor: 'ada@ops.test', channel: 'portal-csr', serviceIdentity: 'operator_cockpit' });
  });

  it('renew now and VAS: refused without confirm (no charge), applied with it', async () => {
    const { subscription } = await asTest(() => createTestLine(t));
    const page = `/subscriptions/${subscription.id}`;
    const [vas] = await t.get(CatalogQueries).listVas();
    await bothWays(page, `${page}/vas`, { vas_offering_id: vas.id });
    await bothWays(page, `${page}/renew`);
    expect(await t.get(SubscriptionQueries).listVasPurchases(subscription.id)).toHaveLength(0);
    const before = (await t.get(SubscriptionQueries).get(subscription.id)).currentPeriodEnd;
    expect(flashOf(await confirm(page, `${page}/vas`, { vas_offering_id: vas.id })).err).toBeNull();
    expect(await t.get(SubscriptionQueries).listVasPurchases(subscription.id)).toHaveLength(1);
    expect(flashOf(await confirm(page, `${page}/renew`)).flash).toBe('Renewal: renewed');
    expect((await t.get(SubscriptionQueries).get(subscription.id)).currentPeriodEnd!.getTime()).toBeGreaterThan(before!.getTime());
  });

  it('customer close and contact remove: refused without confirm, done with it', async () => {
    const customer = await asTest(() => createTestCustomer(t));
    const page = `/customers/${customer.id}`;
    const phone = customer.contactMedia.find((m) => m.mediumType === 'phone')!;
    await bothWays(page, `${page}/contact/${phone.id}/remove`);
    await bothWays(page, `${page}/close`, { reason: 'asked to leave' });
    expect((await t.get(CustomerQueries).get(customer.id)).contactMedia.some((m) => m.id === phone.id)).toBe(true);
    expect((await t.get(CustomerQueries).get(customer.id)).status).toBe('active');
    expect(flashOf(await confirm(page, `${page}/contact/${phone.id}/remove`)).err).toBeNull();
    expect((await t.get(CustomerQueries).get(customer.id)).contactMedia.some((m) => m.id === phone.id)).toBe(false);
    expect(flashOf(await confirm(page, `${page}/close`, { reason: 'asked to leave' })).err).toBeNull();
    expect((await t.get(CustomerQueries).get(customer.id)).status).toBe('closed');
  });

  it('case close with an open ticket flashes the rule verbatim; ticket cancel refused, then done; then the case closes', async () => {
    const customer = await asTest(() => createTestCustomer(t));
    const kase = await asTest(() => openTestCase(t, customer.id));
    const ticket = await asTest(() => openTestTicket(t, { caseId: kase.id }));
    const page = `/case/${kase.id}`;
    await bothWays(page, `${page}/close`, { resolution_code: 'fixed' });
    const blocked = flashOf(await confirm(page, `${page}/close`, { resolution_code: 'fixed' })).err;
    expect(blocked).toMatch(/^case\.close\.requires_all_tickets_resolved: /);
    expect((await t.get(CaseQueries).get(kase.id)).state).not.toBe('closed');

    await bothWays(page, `${page}/ticket/${ticket.id}/cancel`, { reason: 'duplicate' });
    expect((await t.get(TicketQueries).get(ticket.id)).state).not.toBe('cancelled');
    expect(flashOf(await confirm(page, `${page}/ticket/${ticket.id}/cancel`, { reason: 'duplicate' })).err).toBeNull();
    expect((await t.get(TicketQueries).get(ticket.id)).state).toBe('cancelled');
    expect(flashOf(await confirm(page, `${page}/close`, { resolution_code: 'fixed' })).err).toBeNull();
    expect((await t.get(CaseQueries).get(kase.id)).state).toBe('closed');
  });

  it('an unknown case trigger is refused before any call (behaviour 37)', async () => {
    const customer = await asTest(() => createTestCustomer(t));
    const kase = await asTest(() => openTestCase(t, customer.id));
    await browser.get(`/case/${kase.id}`);
    const res = await browser.post(`/case/${kase.id}/transition`, { trigger: 'teleport' });
    expect(flashOf(res.location).err).toMatch(/Unknown case trigger "teleport"/);
    expect((await t.get(CaseQueries).get(kase.id)).state).toBe('open');
    expect(flashOf((await browser.post(`/case/${kase.id}/transition`, { trigger: 'take' })).location).flash).toBe('Case take: now in_progress');
    const ticket = await asTest(() => openTestTicket(t, { caseId: kase.id }));
    await browser.get(`/case/${kase.id}`);
    expect(flashOf((await browser.post(`/case/${kase.id}/ticket/${ticket.id}/transition`, { trigger: 'cancel' })).location).err).toMatch(/Unknown ticket move "cancel"/);
    expect((await t.get(TicketQueries).get(ticket.id)).state).toBe('open');
    expect(flashOf((await browser.post(`/case/${kase.id}/ticket/${ticket.id}/assign`, { agent_id: 'AGT-002' })).location).flash).toBe(`Ticket ${ticket.id} assigned to AGT-002`);
    expect(flashOf((await browser.post(`/case/${kase.id}/ticket/${ticket.id}/transition`, { trigger: 'ack' })).location).flash).toBe(`Ticket ${ticket.id} ack: now acknowledged`);
  });

  it('order submit and cancel: refused without confirm, done with it', async () => {
    const { customer } = await asTest(() => givenOrderingCustomer(t));
    const first = await asTest(() => t.get(DraftOrderCommand).execute({ customerId: customer.id, offeringId: 'PLAN_M' }));
    const second = await asTest(() => t.get(DraftOrderCommand).execute({ customerId: customer.id, offeringId: 'PLAN_S' }));
    await bothWays(`/orders/${first.id}`, `/orders/${first.id}/submit`);
    await bothWays(`/orders/${second.id}`, `/orders/${second.id}/cancel`, { reason: 'changed mind' });
    expect((await t.get(OrderQueries).get(first.id)).submittedAt).toBeNull();
    expect((await t.get(OrderQueries).get(second.id)).state).toBe('acknowledged');
    expect(flashOf(await confirm(`/orders/${first.id}`, `/orders/${first.id}/submit`)).err).toBeNull();
    expect((await t.get(OrderQueries).get(first.id)).submittedAt).not.toBeNull();
    expect(flashOf(await confirm(`/orders/${second.id}`, `/orders/${second.id}/cancel`, { reason: 'changed mind' })).err).toBeNull();
    expect((await t.get(OrderQueries).get(second.id)).state).toBe('cancelled');
  });

  it('fault injection: refused without confirm, applied with it', async () => {
    const form = { task_type: 'HLR_PROVISION', fault_type: 'fail_always', enabled: 'yes', probability: '1' };
    await bothWays('/orders', '/orders/faults', form);
    const rule = async () => (await t.get(ProvisioningQueries).listFaultRules()).find((r) => r.taskType === 'HLR_PROVISION' && r.faultType === 'fail_always');
    expect((await rule())?.enabled ?? false).toBe(false);
    expect(flashOf(await confirm('/orders', '/orders/faults', form)).err).toBeNull();
    expect((await rule())?.enabled).toBe(true);
  });
  it('create order only drafts (submit stays behind the confirm panel); the name edit is one write', async () => {
    const { customer } = await asTest(() => givenOrderingCustomer(t));
    await browser.get(`/customers/${customer.id}`);
    const created = await browser.post('/orders/create', { customer_id: customer.id, offering_id: 'PLAN_M', msisdn: '', promo_code: '' });
    const orderId = created.location!.split('?')[0].split('/')[2];
    expect(flashOf(created.location).flash).toBe(`Order ${orderId} drafted; submit it from its confirm panel`);
    expect(await t.get(OrderQueries).get(orderId)).toMatchObject({ state: 'acknowledged', submittedAt: null });
    const renamed = await browser.post(`/customers/${customer.id}/name`, { given_name: 'Grace', family_name: 'Brewster' });
    expect(flashOf(renamed.location).flash).toBe('Name now Grace Brewster');
    expect((await t.get(CustomerQueries).get(customer.id)).name).toBe('Grace Brewster');
  });
  it('a case escalated from the customer chat shows its transcript in the workbench, hash verified', async () => {
    const customer = await asTest(() => createTestCustomer(t));
    const kase = await runWithAuth({ actor: customer.id, channel: 'portal-chat', customerId: customer.id }, () =>
      t.get(OpenCaseFromChatCommand).execute({ customerId: customer.id, category: 'fraud', subject: 'Card charged twice', description: 'Customer reports a double charge.', transcript: 'User: someone used my card\nAssistant: I have opened a case.' }),
    );
    const page = await browser.get(`/case/${kase.id}`);
    expect(page.body).toContain('hash verified');
    expect(page.body).toContain('User: someone used my card');
  });
});
