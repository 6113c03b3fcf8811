import { CreateCustomerCommand, CustomerQueries } from '@bss/crm';
import { BssCoreModule } from '@bss/core';
import { InventoryQueries } from '@bss/inventory';
import { createTestApp, type TestApp } from '@bss/testing';
import { DemoDataset } from './demo-dataset';
import { DEMO_EMAIL_SUFFIX } from './demo-plan';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

/** A 6-customer demo has every feature of the full one (a blocked line, a top-up, a case, the promo, VIPs) at an eighth of the time. */
const COUNT = 6;
/** Each test seeds through the whole order chain per customer; on a loaded shared machine that takes a while. */
const SEEDING_MS = 240_000;

describe('DemoDataset', () => {
  let app: TestApp;
  let demo: DemoDataset;
  let ownId: string;
  beforeAll(async () => {
    app = await createTestApp({ imports: [BssCoreModule] });
    await app.clock.freeze('2026-02-01T08:00:00Z');
    ownId = (await app.get(CreateCustomerCommand).execute({ givenName: 'Olive', familyName: 'Operator', email: 'olive@example.com' })).id;
    demo = new DemoDataset(app.context);
  });
  afterAll(() => app.close());

  it('seed builds the demo through the verbs; a second seed changes nothing', async () => {
    const first = await demo.seed(18, undefined, COUNT);
    expect(first).toMatchObject({ created: true, customers: COUNT, lines: COUNT, blockedLines: 1, pendingPortRequests: 1 });
    expect(first.vasTopUps).toBeGreaterThanOrEqual(1);
    expect(first.openCases).toBeGreaterThanOrEqual(1);
    expect(first.tickets).toBe(first.openCases);
    expect(first.customersWithPromo).toBeGreaterThanOrEqual(1);
    const again = await demo.seed(18, undefined, COUNT);
    expect(again).toMatchObject({ created: false, customers: COUNT, lines: COUNT });
    const demoCustomers = (await app.get(CustomerQueries).list({ limit: 100 })).filter((c) => c.email?.endsWith(DEMO_EMAIL_SUFFIX));
    expect(demoCustomers).toHaveLength(COUNT);
  }, SEEDING_MS);

  it('reset removes only the demo rows: a customer made by hand survives, the demo numbers go back to the pool', async () => {
    const assignedBefore = (await app.get(InventoryQueries).countMsisdns({})).assigned;
    expect(assignedBefore).toBeGreaterThanOrEqual(COUNT);
    const { removed } = await demo.reset();
    expect(removed).toMatchObject({ customers: COUNT, lines: COUNT, orders: COUNT, portRequests: 1 });
    const left = await app.get(CustomerQueries).list({ limit: 100 });
    expect(left.map((c) => c.id)).toEqual([ownId]);
    expect((await app.get(InventoryQueries).countMsisdns({})).assigned).toBe(assignedBefore - COUNT);
    expect(await demo.summary()).toMatchObject({ customers: 0, lines: 0, openCases: 0, pendingPortRequests: 0 });
  }, SEEDING_MS);

  it('restore puts the seeded state back, the same customers by name and plan', async () => {
    await demo.seed(18, undefined, COUNT);
    const seeded = await demo.summary();
    const names = async () =>
      (await app.get(CustomerQueries).list({ limit: 100 }))
        .filter((c) => c.email?.endsWith(DEMO_EMAIL_SUFFIX))
        .map((c) => c.email)
        .sort();
    const before = await names();
    const restored = await demo.restore(18, undefined, COUNT);
    expect(restored.removed.customers).toBe(COUNT);
    expect(await demo.summary()).toEqual(seeded);
    expect(await names()).toEqual(before);
    expect((await app.get(CustomerQueries).list({ limit: 100 })).map((c) => c.id)).toContain(ownId);
  }, SEEDING_MS);
});
