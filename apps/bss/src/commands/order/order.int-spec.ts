import { createTestDatabase } from '@bss/testing';
import { runCli, type CliResult } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import ClockFreeze from '#bss/commands/clock/freeze';
import CustomerAttestKyc from '#bss/commands/customer/attest-kyc';
import CustomerCreate from '#bss/commands/customer/create';
import PaymentAddCard from '#bss/commands/payment/add-card';
import SomServiceList from '#bss/commands/som/service/list';
import TraceForOrder from '#bss/commands/trace/for-order';
import OrderCancel from './cancel';
import OrderCreate from './create';
import OrderList from './list';
import OrderShow from './show';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

async function ok(result: Promise<CliResult>): Promise<CliResult> {
  const done = await result;
  if (done.exitCode !== 0) throw new Error(`exit ${done.exitCode}: ${done.stderr}${done.stdout}`);
  return done;
}

/** A customer who may order: KYC attested and a card on file, all through the CLI. */
async function orderingCustomer(name: string, options: { kyc?: boolean; card?: string } = {}): Promise<string> {
  const created = await ok(runCli(CustomerCreate, ['--name', name, '--email', `${name.replace(/\W/g, '.').toLowerCase()}@example.com`, '--json']));
  const id = (created.json?.result as { id: string }).id;
  if (options.kyc ?? true) {
    await ok(runCli(CustomerAttestKyc, [id, '--document-type', 'passport', '--document-number', `E${Math.floor(Math.random() * 1e8)}`]));
  }
  await ok(runCli(PaymentAddCard, ['--customer', id, '--card', options.card ?? '4242424242424242']));
  return id;
}

interface OrderResult {
  id: string;
  state: string;
  subscriptionId: string | null;
  failureReason: string | null;
  item: { priceSnapshot: { priceAmount: string } };
}

describe('bss order / som / trace', () => {
  let customerId: string;
  let completedOrder: OrderResult;

  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    await ok(runCli(AdminSeed, []));
    await ok(runCli(ClockFreeze, ['--at', '2026-01-15T09:30:00Z']));
    customerId = await orderingCustomer('Ada Lovelace');
  });

  describe('order create', () => {
    it('--wait runs the chain in-process and prints the COM → SOM → tasks tree of the live line', async () => {
      const human = await ok(runCli(OrderCreate, ['--customer', customerId, '--offering', 'PLAN_M', '--wait']));
      const lines = human.stdout.split('\n');
      expect(lines[0]).toMatch(/^┌─ ORD-\d{4}  PLAN_M  SGD 25\.00 ─+┐$/);
      expect(human.stdout).toMatch(/│ Order ORD-\d{4}\s+completed/);
      expect(human.stdout).toMatch(/CFS SVC-\d{4}\s+MobileBroadband\s+activated/);
      expect(human.stdout).toMatch(/RFS SVC-\d{4}\s+DataService\s+activated/);
      expect(human.stdout).toMatch(/PTK-\d{4}\s+HLR_PROVISION\s+completed/);
      expect(human.stdout).toMatch(/→ Subscription SUB-\d{4} activated/);
      expect(human.stdout).toContain('Summary: 1 SO · 4 tasks · 0 failed');
    });

    it('--json gives the order tree in the envelope', async () => {
      const { json } = await ok(runCli(OrderCreate, ['--customer', customerId, '--offering', 'PLAN_S', '--wait', '--json']));
      expect(json).toMatchObject({ status: 0, warnings: [], result: { state: 'completed', customerId, item: { offeringId: 'PLAN_S', priceSnapshot: { priceAmount: '10.00' } } } });
      completedOrder = json?.result as OrderResult;
      expect(completedOrder.subscriptionId).toMatch(/^SUB-\d{4}$/);
    });

    it('without --wait the order is placed and left to the workers', async () => {
      const { json } = await ok(runCli(OrderCreate, ['--customer', customerId, '--offering', 'PLAN_M', '--json']));
      expect(json?.result).toMatchObject({ state: 'in_progress', serviceOrders: [] });
    });

    it('a declining card ends --wait with the failed order (activation_payment_declined)', async () => {
      const decliner = await orderingCustomer('Dee Cline', { card: '4000000000000002' });
      const { json } = await ok(runCli(OrderCreate, ['--customer', decliner, '--offering', 'PLAN_S', '--wait', '--json']));
      expect(json?.result).toMatchObject({ state: 'failed', failureReason: 'activation_payment_declined', subscriptionId: null });
      const human = await ok(runCli(OrderShow, [(json?.result as OrderResult).id]));
      expect(human.stdout).toContain('Failure reason: activation_payment_declined');
    });

    it('exit 2 with POLICY_VIOLATION order.create.requires_verified_customer for a customer without KYC', async () => {
      const unverified = await orderingCustomer('Una Verified', { kyc: false });
      const human = await runCli(OrderCreate, ['--customer', unverified, '--offering', 'PLAN_M']);
      expect(human.exitCode).toBe(2);
      expect(human.stderr).toContain('POLICY_VIOLATION order.create.requires_verified_customer');
      const json = await runCli(OrderCreate, ['--customer', unverified, '--offering', 'PLAN_M', '--json']);
      expect(json.json).toMatchObject({ status: 2, code: 'POLICY_VIOLATION', rule: 'order.create.requires_verified_customer', context: { customerId: unverified } });
    });

    it('exit 2 naming the field for malformed input', async () => {
      const result = await runCli(OrderCreate, ['--customer', customerId, '--offering', 'PLAN_M', '--msisdn', '12-34', '--json']);
      expect(result.exitCode).toBe(2);
      expect(result.json).toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'msisdnPreference' }] } });
    });
  });

  describe('order show / list', () => {
    it('show --json carries the tree; an unknown order exits 2 with NOT_FOUND', async () => {
      const { json } = await ok(runCli(OrderShow, [completedOrder.id, '--json']));
      expect(json?.result).toMatchObject({ id: completedOrder.id, state: 'completed', serviceOrders: [{ state: 'completed', cfs: [{ name: 'MobileBroadband', rfs: [{}, {}] }] }] });
      const missing = await runCli(OrderShow, ['ORD-9999']);
      expect(missing.exitCode).toBe(2);
      expect(missing.stderr).toContain('NOT_FOUND');
    });

    it('lists the customer’s orders and filters by state', async () => {
      const human = await ok(runCli(OrderList, ['--customer', customerId]));
      expect(human.stdout).toContain('── Orders');
      expect(human.stdout).toMatch(new RegExp(`${completedOrder.id}\\s+completed\\s+${customerId}\\s+2026-01-15 09:30:00`));
      // The order placed without --wait was run meanwhile by a later --wait (it drains every order's jobs).
      const json = await ok(runCli(OrderList, ['--customer', customerId, '--state', 'completed', '--json']));
      expect((json.json?.result as OrderResult[]).map((o) => o.state)).toEqual(['completed', 'completed', 'completed']);
      const none = await ok(runCli(OrderList, ['--customer', customerId, '--state', 'failed', '--json']));
      expect(none.json?.result).toEqual([]);
    });
  });

  describe('order cancel', () => {
    it('refuses without --yes, cancels an order SOM has not started with it', async () => {
      const placed = (await ok(runCli(OrderCreate, ['--customer', customerId, '--offering', 'PLAN_L', '--json']))).json?.result as OrderResult;
      const unconfirmed = await runCli(OrderCancel, [placed.id]);
      expect(unconfirmed.exitCode).toBe(2);
      expect(unconfirmed.stderr).toContain('POLICY_VIOLATION cli.destructive.requires_yes');
      const human = await ok(runCli(OrderCancel, [placed.id, '--yes']));
      expect(human.stdout).toBe(`✓ Order ${placed.id} cancelled`);
      const another = (await ok(runCli(OrderCreate, ['--customer', customerId, '--offering', 'PLAN_L', '--json']))).json?.result as OrderResult;
      const json = await ok(runCli(OrderCancel, [another.id, '--yes', '--json']));
      expect(json.json?.result).toMatchObject({ id: another.id, state: 'cancelled' });
    });

    it('exit 2 with order.transition.invalid for a completed order', async () => {
      const json = await runCli(OrderCancel, [completedOrder.id, '--yes', '--json']);
      expect(json.exitCode).toBe(2);
      expect(json.json).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'order.transition.invalid' });
    });
  });

  describe('som service list', () => {
    it('lists the CFS and RFS behind the line', async () => {
      const human = await ok(runCli(SomServiceList, ['--subscription', completedOrder.subscriptionId ?? '']));
      expect(human.stdout).toMatch(/SVC-\d{4}\s+CFS\s+MobileBroadband\s+SSPEC_CFS_MOBILE_BROADBAND\s+activated\s+—/);
      expect(human.stdout).toMatch(/SVC-\d{4}\s+RFS\s+VoiceService\s+SSPEC_RFS_VOICE_BEARER\s+activated\s+SVC-\d{4}/);
      const json = await ok(runCli(SomServiceList, ['--subscription', completedOrder.subscriptionId ?? '', '--json']));
      expect((json.json?.result as { serviceType: string }[]).map((s) => s.serviceType)).toEqual(['CFS', 'RFS', 'RFS']);
      const bad = await runCli(SomServiceList, ['--subscription', 'line-1', '--json']);
      expect(bad.json).toMatchObject({ status: 2, code: 'INVALID_INPUT', context: { fields: [{ field: 'subscriptionId' }] } });
    });
  });

  describe('trace for-order', () => {
    it('draws the swimlane of the order across COM, SOM, PROV, SUB, PAY and its jobs', async () => {
      const human = await ok(runCli(TraceForOrder, [completedOrder.id]));
      expect(human.stdout).toContain(`Order ${completedOrder.id}  ·  trace `);
      const header = human.stdout.split('\n').find((line) => line.startsWith('offset')) ?? '';
      expect(header.split(/\s+/)).toEqual(['offset', 'COM', 'SOM', 'INV', 'PROV', 'SUB', 'PAY', 'JOB']);
      expect(human.stdout).toContain('● created');
      expect(human.stdout).toContain('● completed HLR_PROVISION');
      const json = await ok(runCli(TraceForOrder, [completedOrder.id, '--json']));
      const entries = (json.json?.result as { entries: { kind: string; source: string }[] }).entries;
      expect(entries.filter((e) => e.source === 'event').map((e) => e.kind)).toEqual(expect.arrayContaining(['order.created', 'payment.charged', 'order.completed']));
    });
  });
});
