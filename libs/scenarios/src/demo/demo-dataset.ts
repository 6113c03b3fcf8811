import type { ServiceLocator } from '@bss/agent';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { forgetPortRequestsFromCarrier } from '@bss/crm';
import { Database, forgetCustomers } from '@bss/platform';
import type { ScenarioIdentity } from '#scenarios/domain/scenario.schema';
import { ScenarioRunner, StepFailed } from '#scenarios/runner/scenario-runner';
import {
  DEFAULT_DEMO_SEED,
  DEMO_CARD,
  DEMO_CUSTOMER_COUNT,
  DEMO_EMAIL_SUFFIX,
  DEMO_PORT_CARRIER,
  DEMO_PORT_MSISDN,
  DEMO_VIP,
  DEMO_WELCOME,
  demoPlan,
  type DemoCustomerPlan,
} from './demo-plan';

/** Demo writes are audited as this operator, through the same verbs (policies, audit rows) as anyone's. */
const DEMO_OPERATOR: ScenarioIdentity = { actor: 'demo-seed', channel: 'cli', serviceIdentity: 'default' };

export interface DemoSummary {
  seed?: number;
  customers: number;
  lines: number;
  blockedLines: number;
  vasTopUps: number;
  openCases: number;
  tickets: number;
  pendingPortRequests: number;
  customersWithPromo: number;
}

export interface DemoSeedResult extends DemoSummary {
  /** false when the full demo was already there (seeding is idempotent). */
  created: boolean;
}

export interface DemoResetResult {
  removed: { customers: number; lines: number; orders: number; cases: number; portRequests: number };
}

/**
 * `bss admin demo seed|reset|restore`: a small operator generated from a seed through the domain
 * verbs (same validation, policies and audit as the CLI), removed surgically by its marker
 * (emails ending `.demo@bss-cli.local`, the demo carrier on its port request) — never another row.
 */
export class DemoDataset {
  private readonly runner: ScenarioRunner;

  constructor(private readonly services: ServiceLocator) {
    this.runner = new ScenarioRunner(services);
  }

  /** `count` below the default makes a smaller demo of the same shape (specs). */
  async seed(seed = DEFAULT_DEMO_SEED, log: (line: string) => void = () => undefined, count = DEMO_CUSTOMER_COUNT): Promise<DemoSeedResult> {
    const plan = demoPlan(seed, count);
    // The demo buys plans and numbers: the reference data (catalog, pools) must be there first (idempotent).
    await this.db().seed();
    const before = await this.summary();
    if (before.customers === plan.customers.length) return { ...before, seed, created: false };
    // A partial demo (an interrupted seed) is cleared first, so the result is the seeded state exactly.
    if (before.customers > 0) await this.reset();

    await this.call('promo.create', { promotionId: DEMO_WELCOME.promotionId, name: 'Demo welcome 10%', discountType: 'percent', discountValue: '10', durationKind: 'multi', periodsTotal: 3, audience: 'public', code: DEMO_WELCOME.code, codeKind: 'multi_use' }, ['promo.create.already_exists']);
    await this.call('promo.create', { promotionId: DEMO_VIP.promotionId, name: 'Demo VIP 20%', discountType: 'percent', discountValue: '20', durationKind: 'single', audience: 'targeted' }, ['promo.create.already_exists']);

    const vips: string[] = [];
    for (const customer of plan.customers) {
      const id = await this.seedCustomer(customer);
      if (customer.vip) vips.push(id);
      if ((customer.index + 1) % 10 === 0) log(`  ${customer.index + 1}/${plan.customers.length} demo customers`);
    }
    await this.call('promo.assign', { promotionId: DEMO_VIP.promotionId, customerIds: vips });
    await this.call('port.create', { direction: 'port_in', donorCarrier: DEMO_PORT_CARRIER, donorMsisdn: DEMO_PORT_MSISDN, requestedPortDate: undefined });
    return { ...(await this.summary()), seed, created: true };
  }

  private async seedCustomer(c: DemoCustomerPlan): Promise<string> {
    const customer = (await this.call('customer.create', { givenName: c.givenName, familyName: c.familyName, email: c.email, cardNumber: DEMO_CARD })) as { id: string };
    await this.call('customer.attest_kyc', {
      customerId: customer.id,
      provider: 'prebaked',
      providerReference: `DEMO-${c.index + 1}`,
      documentType: 'passport',
      documentNumber: `D${String(c.index + 1).padStart(7, '0')}`,
      attestationPayload: { signature: `demo-${c.index + 1}` },
    });
    const order = (await this.call('order.create', { customerId: customer.id, offeringId: c.offeringId, ...(c.promoCode ? { promoCode: c.promoCode } : {}) })) as { id: string };
    const done = await this.runner.waitForOrder(order.id);
    const subscriptionId = String(done.subscriptionId);
    const line = (await this.call('subscription.show', { subscriptionId })) as { msisdn: string };
    if (c.dataUsedMb > 0) await this.call('usage.simulate', { msisdn: line.msisdn, eventType: 'data', quantity: c.dataUsedMb, source: 'simulator' });
    if (c.vas) await this.call('subscription.vas', { subscriptionId, vasOfferingId: c.vas });
    if (c.case) {
      const kase = (await this.call('case.open', { customerId: customer.id, subject: c.case.subject, category: c.case.category })) as { id: string };
      await this.call('ticket.open', { caseId: kase.id, ticketType: c.case.ticketType, subject: c.case.subject, relatedSubscriptionId: subscriptionId });
    }
    return customer.id;
  }

  /** Removes every demo row and nothing else, in one transaction with an `admin.demo_reset` audit row; the pool gets the demo's numbers back. */
  async reset(): Promise<DemoResetResult> {
    return this.services.get(UnitOfWork, { strict: false }).run(async (w) => {
      const removed = await forgetDemoRows(w);
      await w.emit({ eventType: 'admin.demo_reset', aggregateType: 'system', aggregateId: 'demo', payload: removed });
      return { removed };
    });
  }

  /** Back to the seeded state: the demo rows go, and the dataset is generated again from the seed. */
  async restore(seed = DEFAULT_DEMO_SEED, log?: (line: string) => void, count = DEMO_CUSTOMER_COUNT): Promise<DemoSeedResult & DemoResetResult> {
    const { removed } = await this.reset();
    return { ...(await this.seed(seed, log, count)), removed };
  }

  async summary(): Promise<DemoSummary> {
    const [row] = await this.db().query<Record<keyof DemoSummary, number>>(
      `with demo as (${DEMO_CUSTOMERS_SQL}),
            lines as (select s.* from subscription.subscription s where s.customer_id in (select id from demo))
       select (select count(*)::int from demo) as customers,
              (select count(*)::int from lines) as lines,
              (select count(*)::int from lines where state = 'blocked') as "blockedLines",
              (select count(*)::int from subscription.vas_purchase v where v.subscription_id in (select id from lines)) as "vasTopUps",
              (select count(*)::int from crm."case" k where k.customer_id in (select id from demo) and k.state not in ('closed', 'resolved')) as "openCases",
              (select count(*)::int from crm.ticket t where t.customer_id in (select id from demo)) as tickets,
              (select count(*)::int from crm.port_request p where p.donor_carrier = $1 and p.state in ('requested', 'validated')) as "pendingPortRequests",
              (select count(*)::int from lines where discount_periods_remaining > 0) as "customersWithPromo"`,
      [DEMO_PORT_CARRIER],
    );
    return row;
  }

  private db(): Database {
    return this.services.get(Database as unknown as abstract new () => Database, { strict: false });
  }

  private async call(name: string, args: Record<string, unknown>, alsoFine: readonly string[] = []): Promise<unknown> {
    const outcome = await this.runner.callTool(name, JSON.parse(JSON.stringify(args)) as Record<string, unknown>, DEMO_OPERATOR);
    if (outcome.ok) return outcome.result;
    if (alsoFine.includes(outcome.rule ?? '') || alsoFine.includes(outcome.error ?? '')) return undefined;
    throw new StepFailed(`demo: ${name} failed: ${outcome.observation.slice(0, 300)}`);
  }
}

/** The demo's customers: their current email carries the demo marker. */
const DEMO_CUSTOMERS_SQL = `select c.id from crm.customer c join crm.contact_medium m on m.party_id = c.party_id
  where m.medium_type = 'email' and lower(m.value) like '%' || '${DEMO_EMAIL_SUFFIX}'`;

/**
 * Prefix-surgical: the demo's customers (by their email marker) are forgotten by every context,
 * each deleting only its own rows keyed on them; the demo's port request goes by its carrier.
 */
async function forgetDemoRows(w: WriteScope): Promise<DemoResetResult['removed']> {
  const customers = ((await w.tx.query(DEMO_CUSTOMERS_SQL)) as { id: string }[]).map((r) => r.id);
  const removed = await forgetCustomers(w.tx, customers);
  const portRequests = await forgetPortRequestsFromCarrier(w.tx, DEMO_PORT_CARRIER);
  return { customers: removed.customers ?? 0, lines: removed.lines ?? 0, orders: removed.orders ?? 0, cases: removed.cases ?? 0, portRequests };
}
