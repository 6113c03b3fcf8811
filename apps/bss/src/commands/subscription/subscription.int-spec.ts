import { SubscriptionModule } from '@bss/subscription';
import { createTestLine } from '@bss/subscription/testing';
import { createTestApp, type TestApp } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import AdminCatalogMigratePrice from '#bss/commands/admin/catalog/migrate-price';
import AdminRenewalTick from '#bss/commands/admin/renewal/tick';
import ClockAdvance from '#bss/commands/clock/advance';
import ClockFreeze from '#bss/commands/clock/freeze';
import CustomerShow from '#bss/commands/customer/show';
import UsageSimulate from '#bss/commands/usage/simulate';
import SubscriptionAdjustBalance from './adjust-balance';
import SubscriptionCancelPlanChange from './cancel-plan-change';
import SubscriptionDeductReservation from './deduct-reservation';
import SubscriptionReleaseReservation from './release-reservation';
import SubscriptionReserveBalance from './reserve-balance';
import SubscriptionList from './list';
import SubscriptionRenew from './renew';
import SubscriptionSchedulePlanChange from './schedule-plan-change';
import SubscriptionShow from './show';
import SubscriptionTerminate from './terminate';
import SubscriptionTransferBalance from './transfer-balance';
import SubscriptionVas from './vas';

describe('bss subscription / usage / admin renewal', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [SubscriptionModule] });
    process.env.BSS_DB_URL = app.url;
    expect((await runCli(ClockFreeze, ['--at', '2026-01-01T00:00:00Z'])).exitCode).toBe(0);
  });
  afterAll(() => app.close());

  it('show prints the card; --json carries the line with its balances (-1 unlimited); --show-esim adds the LPA and a QR', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_M' });
    const human = await runCli(SubscriptionShow, [s.id]);
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain(`Subscription ${s.id}`);
    expect(human.stdout).toContain('Plan:      Standard (PLAN_M) — SGD 25.00/mo');
    expect(human.stdout).toContain('State:     ● ACTIVE');
    expect(human.stdout).toContain('Renews:    in 30 days (2026-01-31)');
    expect(human.stdout).toMatch(/Data +\[░+\] +0 MB \/ 30 GB +0%/);
    expect(human.stdout).toContain('Voice   [──────────────────────────]  Unlimited');

    const { json } = await runCli(SubscriptionShow, [s.id, '--json']);
    expect(json).toMatchObject({
      status: 0,
      result: {
        id: s.id,
        customerId: customer?.id,
        offeringId: 'PLAN_M',
        state: 'active',
        msisdn: s.msisdn,
        iccid: s.iccid,
        priceAmount: '25.00',
        currency: 'SGD',
        effectiveAmount: '25.00',
        discountPeriodsRemaining: 0,
        currentPeriodStart: '2026-01-01T00:00:00.000Z',
        nextRenewalAt: '2026-01-31T00:00:00.000Z',
        pendingOfferingId: null,
        balances: [
          { allowanceType: 'data', total: 30720, consumed: 0, remaining: 30720, unit: 'mb' },
          { allowanceType: 'voice', total: -1, consumed: 0, remaining: -1, unit: 'minutes' },
          { allowanceType: 'sms', total: -1, consumed: 0, remaining: -1, unit: 'count' },
          { allowanceType: 'data_roaming', total: 500, consumed: 0, remaining: 500, unit: 'mb' },
        ],
      },
    });

    const esim = await runCli(SubscriptionShow, [s.id, '--show-esim']);
    expect(esim.stdout).toContain('── eSIM');
    expect(esim.stdout).toMatch(/LPA:1\$smdp\.[^$]+\$[0-9A-F]{16}/);
    expect(esim.stdout).toContain('Scan with your device camera');
    expect(esim.stdout).toContain('█');
    const esimJson = await runCli(SubscriptionShow, [s.id, '--show-esim', '--json']);
    expect((esimJson.json?.result as { esim: { lpa: string; iccid: string } }).esim).toMatchObject({ iccid: s.iccid, lpa: expect.stringMatching(/^LPA:1\$/) });

    const missing = await runCli(SubscriptionShow, ['SUB-9999', '--json']);
    expect(missing).toMatchObject({ exitCode: 2, json: { code: 'NOT_FOUND', context: { id: 'SUB-9999' } } });
  });

  it('customer show lists the customer’s lines in the 360 card and its --json', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_S' });
    await runCli(UsageSimulate, ['--msisdn', s.msisdn, '--type', 'data', '--quantity', '512']);
    const human = await runCli(CustomerShow, [customer?.id ?? '']);
    expect(human.stdout).toContain('Subscriptions (1)');
    expect(human.stdout).toContain(`${s.id}   PLAN_S   active`);
    expect(human.stdout).toContain('bundle 10%');
    const { json } = await runCli(CustomerShow, [customer?.id ?? '', '--json']);
    expect((json?.result as { subscriptions: unknown[] }).subscriptions).toEqual([
      { id: s.id, offeringId: 'PLAN_S', state: 'active', msisdn: s.msisdn, dataUsed: 512, dataTotal: 5120 },
    ]);
  });

  it('list --customer shows the customer’s lines', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const human = await runCli(SubscriptionList, ['--customer', customer?.id ?? '']);
    expect(human.stdout).toContain(s.id);
    expect(human.stdout).toContain('5 GB of 5 GB left');
    const { json } = await runCli(SubscriptionList, ['--customer', customer?.id ?? '', '--json']);
    expect(json?.result).toEqual([expect.objectContaining({ id: s.id, state: 'active' })]);
    const bad = await runCli(SubscriptionList, ['--customer', 'bob', '--json']);
    expect(bad.json).toMatchObject({ status: 2, code: 'INVALID_INPUT', context: { fields: [{ field: 'customerId' }] } });
  });

  it('usage simulate rates 1gb as 1024 mb, blocks at exhaustion, and refuses usage on a blocked line', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const first = await runCli(UsageSimulate, ['--msisdn', s.msisdn, '--type', 'data', '--quantity', '1gb']);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain('1 GB data');
    expect(first.stdout).toContain('data: 4 GB of 5 GB left');
    const voice = await runCli(UsageSimulate, ['--msisdn', s.msisdn, '--type', 'voice', '--quantity', '10min', '--json']);
    expect(voice.json).toMatchObject({ status: 0, result: { outcome: 'recorded', balance: { allowanceType: 'voice', consumed: 10, remaining: 90 } } });
    const last = await runCli(UsageSimulate, ['--msisdn', s.msisdn, '--type', 'data', '--quantity', '4096']);
    expect(last.stdout).toContain('is now BLOCKED');
    const refused = await runCli(UsageSimulate, ['--msisdn', s.msisdn, '--type', 'data', '--quantity', '5mb']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('POLICY_VIOLATION usage.record.subscription_must_be_active');
    const roaming = await runCli(UsageSimulate, ['--msisdn', s.msisdn, '--type', 'sms', '--quantity', '0', '--json']);
    expect(roaming.json).toMatchObject({ status: 2, code: 'POLICY_VIOLATION', rule: 'usage.record.positive_quantity' });
  });

  it('usage simulate names a malformed quantity', async () => {
    for (const quantity of ['lots', '500mb']) {
      const { json, exitCode } = await runCli(UsageSimulate, ['--msisdn', '90000001', '--type', 'voice', '--quantity', quantity, '--json']);
      expect(exitCode).toBe(2);
      expect(json).toMatchObject({ status: 2, code: 'INVALID_INPUT', context: { fields: [{ field: 'quantity' }] } });
    }
  });

  it('vas tops up and unblocks; an unknown VAS is a policy violation', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    await runCli(UsageSimulate, ['--msisdn', s.msisdn, '--type', 'data', '--quantity', '5gb']);
    const human = await runCli(SubscriptionVas, [s.id, 'VAS_DATA_1GB']);
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain('✓ VAS_DATA_1GB: +1 GB data — charged SGD 3.00');
    expect(human.stdout).toContain('line unblocked');
    expect(human.stdout).toContain('VAS Top-up History');
    const { json } = await runCli(SubscriptionVas, [s.id, 'VAS_ROAMING_1GB', '--json']);
    expect(json).toMatchObject({ status: 0, result: { vasPurchase: { vasOfferingId: 'VAS_ROAMING_1GB', allowanceAdded: 1024 }, subscription: { state: 'active' } } });
    const nope = await runCli(SubscriptionVas, [s.id, 'VAS_NOPE']);
    expect(nope.exitCode).toBe(2);
    expect(nope.stderr).toContain('POLICY_VIOLATION subscription.vas.vas_offering_sellable');
  });

  it('adjust-balance credits, --debit debits, and an overdraw is a policy violation; transfer-balance moves data to a sibling line', async () => {
    const { subscription: s, customer } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const credit = await runCli(SubscriptionAdjustBalance, [s.id, '500', '--reason', 'goodwill for the outage']);
    expect(credit.exitCode).toBe(0);
    expect(credit.stdout).toMatch(/✓ ADJ-[0-9a-f]{8}: \+500 MB data on SUB-\d+ \(goodwill for the outage\)/);
    const { json } = await runCli(SubscriptionAdjustBalance, [s.id, '120', '--debit', '--reason', 'mis-rated session', '--json']);
    expect(json).toMatchObject({ status: 0, result: { adjustment: { quantity: -120, unit: 'mb', reason: 'mis-rated session' }, line: 'unchanged' } });
    const overdraw = await runCli(SubscriptionAdjustBalance, [s.id, '9999', '--debit', '--reason', 'too much']);
    expect(overdraw.exitCode).toBe(2);
    expect(overdraw.stderr).toContain('POLICY_VIOLATION subscription.adjust_balance.no_negative_remaining');

    const { subscription: sibling } = await createTestLine(app, { offeringId: 'PLAN_S', customerId: customer!.id });
    const moved = await runCli(SubscriptionTransferBalance, [s.id, sibling.id, '1024', '--reason', 'share with the family', '--json']);
    expect(moved.json).toMatchObject({ status: 0, result: { transfer: { fromSubscriptionId: s.id, toSubscriptionId: sibling.id, quantity: 1024 } } });
  });

  it('reserve-balance holds data; release-reservation returns it; deduct-reservation rates what was used', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const reservationOf = (run: { json?: { result?: unknown } }) => (run.json?.result as { reservation: { id: string } }).reservation.id;
    const held = await runCli(SubscriptionReserveBalance, [s.id, '500', '--ref', 'ocs-1', '--json']);
    expect(held.json).toMatchObject({ status: 0, result: { reservation: { state: 'held', quantity: 500, requestRef: 'ocs-1' } } });
    const released = await runCli(SubscriptionReleaseReservation, [reservationOf(held)]);
    expect(released.stdout).toMatch(/✓ RSV-[0-9a-f]{8} released: 500 MB data back on SUB-\d+/);
    const releasedJson = await runCli(SubscriptionReleaseReservation, [reservationOf(held), '--json']);
    expect(releasedJson.exitCode).toBe(2);
    expect(releasedJson.json).toMatchObject({ rule: 'subscription.release_reservation.reservation_held' });
    const other = await runCli(SubscriptionReserveBalance, [s.id, '10', '--valid-for', '300', '--json']);
    expect(other.json).toMatchObject({ result: { reservation: { createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-01T00:05:00.000Z' } } });
    expect((await runCli(SubscriptionReserveBalance, [s.id, '10', '--valid-for', '30', '--json'])).json).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await runCli(SubscriptionReserveBalance, [s.id, '10'])).stdout).toMatch(/held on SUB-\d+ until 2026-01-01T00:15:00.000Z$/);
    expect((await runCli(SubscriptionReleaseReservation, [reservationOf(other), '--json'])).json).toMatchObject({ status: 0, result: { reservation: { state: 'released' } } });
    const session = await runCli(SubscriptionReserveBalance, [s.id, '300', '--json']);
    const deducted = await runCli(SubscriptionDeductReservation, [reservationOf(session), '--quantity', '120', '--reason', 'session ended', '--json']);
    expect(deducted.json).toMatchObject({ status: 0, result: { reservation: { state: 'deducted', deductedQuantity: 120 }, usage: { outcome: 'recorded' } } });
    const again = await runCli(SubscriptionDeductReservation, [reservationOf(session), '--reason', 'twice']);
    expect(again.stderr).toContain('POLICY_VIOLATION subscription.deduct_reservation.reservation_held');
  });

  it('schedule-plan-change / cancel-plan-change / renew', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const scheduled = await runCli(SubscriptionSchedulePlanChange, [s.id, 'PLAN_M']);
    expect(scheduled.stdout).toContain(`✓ ${s.id} moves from PLAN_S to PLAN_M at the renewal on 2026-01-31`);
    const same = await runCli(SubscriptionSchedulePlanChange, [s.id, 'PLAN_L', '--json']);
    expect(same.json).toMatchObject({ status: 2, rule: 'subscription.plan_change.already_pending' });
    const cancelled = await runCli(SubscriptionCancelPlanChange, [s.id, '--json']);
    expect(cancelled.json).toMatchObject({ status: 0, result: { pendingOfferingId: null } });
    const rescheduled = await runCli(SubscriptionSchedulePlanChange, [s.id, 'PLAN_L', '--json']);
    expect(rescheduled.json).toMatchObject({ status: 0, result: { pendingOfferingId: 'PLAN_L' } });

    const renewed = await runCli(SubscriptionRenew, [s.id]);
    expect(renewed.exitCode).toBe(0);
    expect(renewed.stdout).toContain(`✓ Renewed ${s.id}: charged SGD 10.00`);
    expect(renewed.stdout).toContain('Plan change to PLAN_L pending');
    const { json } = await runCli(SubscriptionRenew, [s.id, '--json']);
    expect(json).toMatchObject({ status: 0, result: { outcome: 'renewed', subscription: { id: s.id } } });
  });

  it('terminate needs --yes, then ends the line; renewing it is a policy violation', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const refused = await runCli(SubscriptionTerminate, [s.id]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('POLICY_VIOLATION cli.destructive.requires_yes');
    const done = await runCli(SubscriptionTerminate, [s.id, '--yes', '--reason', 'csr_initiated']);
    expect(done.stdout).toContain(`✓ Terminated ${s.id}`);
    const { subscription: other } = await createTestLine(app, { offeringId: 'PLAN_S' });
    const json = await runCli(SubscriptionTerminate, [other.id, '--yes', '--reason', 'customer_requested', '--json']);
    expect(json.json).toMatchObject({ status: 0, result: { id: other.id, state: 'terminated' } });
    const renew = await runCli(SubscriptionRenew, [s.id, '--json']);
    expect(renew.json).toMatchObject({ status: 2, code: 'POLICY_VIOLATION', rule: 'subscription.renew.only_if_active_or_blocked' });
  });

  it('admin catalog migrate-price pins the new price and reports skipped lines', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_L' });
    await app.db.query(
      `insert into catalog.product_offering_price (id, offering_id, price_type, amount, currency, recurring_period_length, recurring_period_type, valid_from)
       values ('PRICE_PLAN_L_2026', 'PLAN_L', 'recurring', 49.00, 'SGD', 1, 'month', '2026-06-01')`,
    );
    const human = await runCli(AdminCatalogMigratePrice, ['--offering', 'PLAN_L', '--new-price-id', 'PRICE_PLAN_L_2026', '--effective-from', '2026-02-01']);
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toMatch(/✓ \d+ line\(s\) on PLAN_L move to SGD 49\.00 \(PRICE_PLAN_L_2026\) at their first renewal from 2026-03-03/);
    expect(human.stdout).toContain(s.id);
    const again = await runCli(AdminCatalogMigratePrice, ['--offering', 'PLAN_L', '--new-price-id', 'PRICE_PLAN_L_2026', '--effective-from', '2026-02-01', '--json']);
    expect((again.json?.result as { skipped: { subscriptionId: string; reason: string }[] }).skipped).toContainEqual(
      expect.objectContaining({ subscriptionId: s.id, reason: 'price_migration_pending' }),
    );
    const wrong = await runCli(AdminCatalogMigratePrice, ['--offering', 'PLAN_L', '--new-price-id', 'PRICE_PLAN_M', '--effective-from', '2026-02-01']);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toContain('POLICY_VIOLATION subscription.migrate_price.price_not_on_offering');
  });

  it('admin renewal tick renews what is due, once', async () => {
    const { subscription: s } = await createTestLine(app, { offeringId: 'PLAN_M' });
    await runCli(ClockAdvance, ['30d']);
    const human = await runCli(AdminRenewalTick, []);
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain('Renewal sweep at 2026-01-31T00:00:00.000Z');
    expect(human.stdout).toMatch(new RegExp(`renewed +\\d+ +.*${s.id}`));
    const { json } = await runCli(AdminRenewalTick, ['--json']);
    expect(json).toMatchObject({ status: 0, result: { renewed: [], declined: [] } });
  });
});
