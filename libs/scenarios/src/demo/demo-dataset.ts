import type { ServiceLocator } from '@bss/agent';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { Database } from '@bss/platform';
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
 * Prefix-surgical delete across the contexts the demo wrote to, keyed on the demo customers and
 * what hangs off them (lines, orders, cases), children before parents. The contexts' own
 * `reset` hooks clear whole tables, so this is the one place that knows the demo's footprint.
 */
async function forgetDemoRows(w: WriteScope): Promise<DemoResetResult['removed']> {
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => w.tx.query(sql, params) as Promise<T[]>;
  const customers = (await q<{ id: string }>(DEMO_CUSTOMERS_SQL)).map((r) => r.id);
  const [ids] = await q<{ lines: string[]; orders: string[]; cases: string[]; tickets: string[]; parties: string[] }>(
    `select coalesce((select array_agg(id) from subscription.subscription where customer_id = any($1)), '{}') as lines,
            coalesce((select array_agg(id) from orders.product_order where customer_id = any($1)), '{}') as orders,
            coalesce((select array_agg(id) from crm."case" where customer_id = any($1)), '{}') as cases,
            coalesce((select array_agg(id) from crm.ticket where customer_id = any($1)), '{}') as tickets,
            coalesce((select array_agg(party_id) from crm.customer where id = any($1)), '{}') as parties`,
    [customers],
  );
  const statements: [string, unknown[]][] = [
    [`delete from orders.provisioning_task where commercial_order_id = any($1)`, [ids.orders]],
    [`delete from orders.service_order_item where service_order_id in (select id from orders.service_order where commercial_order_id = any($1))`, [ids.orders]],
    [`delete from orders.service where service_order_id in (select id from orders.service_order where commercial_order_id = any($1)) or subscription_id = any($2)`, [ids.orders, ids.lines]],
    [`delete from orders.service_order where commercial_order_id = any($1)`, [ids.orders]],
    [`delete from orders.order_state_history where order_id = any($1)`, [ids.orders]],
    [`delete from orders.order_item where order_id = any($1)`, [ids.orders]],
    [`delete from orders.product_order where id = any($1)`, [ids.orders]],
    ...['usage_event', 'vas_purchase', 'bundle_balance', 'subscription_state_history'].map((t): [string, unknown[]] => [`delete from subscription.${t} where subscription_id = any($1)`, [ids.lines]]),
    [`delete from subscription.subscription where id = any($1)`, [ids.lines]],
    [
      `update inventory.msisdn set status = 'available', reserved_at = null, assigned_to_subscription_id = null, quarantine_until = null
        where assigned_to_subscription_id = any($1)`,
      [ids.lines],
    ],
    [
      `update inventory.esim_profile set profile_state = 'available', assigned_msisdn = null, assigned_to_subscription_id = null,
              reserved_at = null, issued_at = null, downloaded_at = null, activated_at = null, recycled_at = null
        where assigned_to_subscription_id = any($1)`,
      [ids.lines],
    ],
    [`delete from payment.payment_attempt where customer_id = any($1)`, [customers]],
    [`delete from payment.payment_method where customer_id = any($1)`, [customers]],
    [`delete from promos.promotion_eligibility where customer_id = any($1)`, [customers]],
    [`delete from promos.loyalty_offer where customer_id = any($1)`, [customers]],
    [`delete from crm.ticket_history where ticket_id = any($1)`, [ids.tickets]],
    [`delete from crm.interaction where customer_id = any($1)`, [customers]],
    [`delete from crm.ticket where id = any($1)`, [ids.tickets]],
    [`delete from crm.case_note where case_id = any($1)`, [ids.cases]],
    [`delete from crm."case" where id = any($1)`, [ids.cases]],
    [`delete from crm.customer_identity where customer_id = any($1)`, [customers]],
    [`delete from crm.contact_medium where party_id = any($1)`, [ids.parties]],
    [`delete from crm.customer where id = any($1)`, [customers]],
    [`delete from crm.individual where party_id = any($1)`, [ids.parties]],
    [`delete from crm.party where id = any($1)`, [ids.parties]],
  ];
  for (const [sql, params] of statements) await q(sql, params);
  const ports = await q(`select id from crm.port_request where donor_carrier = $1`, [DEMO_PORT_CARRIER]);
  await q(`delete from crm.port_request where donor_carrier = $1`, [DEMO_PORT_CARRIER]);
  return { customers: customers.length, lines: ids.lines.length, orders: ids.orders.length, cases: ids.cases.length, portRequests: ports.length };
}
