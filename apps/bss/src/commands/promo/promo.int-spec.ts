import { createTestDatabase } from '@bss/testing';
import { runCli, type CliResult } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import ClockAdvance from '#bss/commands/clock/advance';
import ClockFreeze from '#bss/commands/clock/freeze';
import CustomerAttestKyc from '#bss/commands/customer/attest-kyc';
import CustomerCreate from '#bss/commands/customer/create';
import OrderCreate from '#bss/commands/order/create';
import PaymentAddCard from '#bss/commands/payment/add-card';
import SubscriptionRenew from '#bss/commands/subscription/renew';
import SubscriptionShow from '#bss/commands/subscription/show';
import PromoAssign from './assign';
import PromoCreate from './create';
import PromoExhaust from './exhaust';
import PromoList from './list';
import PromoShow from './show';
import PromoUnassign from './unassign';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';

const WELCOME10_ARGS = [
  '--id', 'PROMO_WELCOME10', '--type', 'percent', '--value', '10',
  '--duration', 'multi', '--periods', '3', '--audience', 'public',
  '--code', 'WELCOME10', '--code-kind', 'multi_use', '--name', 'Welcome 10%',
];

async function ok(run: Promise<CliResult>): Promise<CliResult> {
  const result = await run;
  if (result.exitCode !== 0) throw new Error(`exit ${result.exitCode}: ${result.stderr}`);
  return result;
}

describe('bss promo', () => {
  let ann: string;
  let ben: string;

  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    process.env.BSS_LOYALTY_MODE = 'embedded';
    await ok(runCli(AdminSeed, []));
    ann = ((await ok(runCli(CustomerCreate, ['--name', 'Ann Promo', '--email', 'ann.promo@example.com', '--json']))).json?.result as { id: string }).id;
    ben = ((await ok(runCli(CustomerCreate, ['--name', 'Ben Promo', '--email', 'ben.promo@example.com', '--json']))).json?.result as { id: string }).id;
  });

  describe('create / show (the product page example)', () => {
    it('create prints the one-line saga result', async () => {
      const { stdout } = await ok(runCli(PromoCreate, WELCOME10_ARGS));
      expect(stdout).toBe('✓ Created promotion PROMO_WELCOME10 (audience=public, code=WELCOME10) — state=active, OD=OD_PROMO_WELCOME10');
      expect(stdout).toMatchSnapshot();
    });

    it('show renders the field/value table', async () => {
      const { stdout } = await ok(runCli(PromoShow, ['PROMO_WELCOME10']));
      expect(stdout.split('\n').slice(1)).toEqual([
        '┏━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━┓',
        '┃ field               ┃ value              ┃',
        '┡━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━┩',
        '│ name                │ Welcome 10%        │',
        '│ state               │ active             │',
        '│ audience            │ public             │',
        '│ code                │ WELCOME10          │',
        '│ offerDefinitionId   │ OD_PROMO_WELCOME10 │',
        '│ discount            │ percent 10.00      │',
        '│ duration            │ multi (periods=3)  │',
        '│ applicableOfferings │ all                │',
        '└─────────────────────┴────────────────────┘',
      ]);
      expect(stdout.split('\n')[0].trim()).toBe('Promotion PROMO_WELCOME10');
      expect(stdout).toMatchSnapshot();
    });

    it('--json gives the promotion view in the envelope', async () => {
      const { json } = await ok(runCli(PromoShow, ['PROMO_WELCOME10', '--json']));
      expect(json).toMatchObject({
        status: 0,
        warnings: [],
        result: {
          id: 'PROMO_WELCOME10',
          state: 'active',
          code: 'WELCOME10',
          codeKind: 'multi_use',
          offerDefinitionId: 'OD_PROMO_WELCOME10',
          discountType: 'percent',
          discountValue: '10.00',
          durationKind: 'multi',
          periodsTotal: 3,
          applicableOfferingIds: null,
          label: '10% off',
          createdBy: 'cli-user',
        },
      });
    });

    it('a targeted promotion on named offerings with a window shows them', async () => {
      await ok(runCli(PromoCreate, ['--json', '--id', 'PROMO_VIP', '--type', 'absolute', '--value', '5', '--duration', 'single', '--audience', 'targeted', '--offerings', 'PLAN_M, PLAN_L', '--valid-to', '2030-01-01T00:00:00Z', '--name', 'VIP']));
      const { stdout } = await ok(runCli(PromoShow, ['PROMO_VIP']));
      expect(stdout).toMatch(/│ code\s+│ PROMO_VIP\s+│/);
      expect(stdout).toMatch(/│ discount\s+│ absolute 5.00\s+│/);
      expect(stdout).toMatch(/│ applicableOfferings │ PLAN_M, PLAN_L\s+│/);
      expect(stdout).toMatch(/│ validTo\s+│ 2030-01-01T00:00:00.000Z │/);
    });

    it('a rule break is POLICY_VIOLATION <rule>, exit 2', async () => {
      const human = await runCli(PromoCreate, ['--id', 'PROMO_BAD', '--type', 'percent', '--value', '101', '--duration', 'single', '--code', 'BAD1', '--code-kind', 'multi_use']);
      expect(human.exitCode).toBe(2);
      expect(human.stderr).toContain('POLICY_VIOLATION promo.create.invalid_discount_value');
      const json = await runCli(PromoCreate, [...WELCOME10_ARGS, '--json']);
      expect(json.exitCode).toBe(2);
      expect(json.json).toMatchObject({ status: 2, code: 'POLICY_VIOLATION', rule: 'promo.create.already_exists' });
    });

    it('malformed input is INVALID_INPUT naming the field; an unknown id is NOT_FOUND', async () => {
      const bad = await runCli(PromoCreate, ['--id', 'PROMO_X', '--type', 'percent', '--value', '10', '--duration', 'multi', '--periods', 'three', '--code', 'XONE', '--code-kind', 'multi_use', '--json']);
      expect(bad.exitCode).toBe(2);
      expect(bad.json).toMatchObject({ code: 'INVALID_INPUT', context: { fields: [{ field: 'periodsTotal' }] } });
      const missing = await runCli(PromoShow, ['PROMO_NOPE', '--json']);
      expect(missing.exitCode).toBe(2);
      expect(missing.json).toMatchObject({ code: 'NOT_FOUND', context: { entity: 'promotion', id: 'PROMO_NOPE' } });
    });
  });

  describe('assign / unassign', () => {
    it('assign says how many were added and pairs each with an offer', async () => {
      const { stdout } = await ok(runCli(PromoAssign, ['--promo', 'PROMO_VIP', '--customers', `${ann},${ben}`]));
      expect(stdout).toBe([`2 added, 0 already`, `  + ${ann}  offer OFF-${ann}-PROMO_VIP`, `  + ${ben}  offer OFF-${ben}-PROMO_VIP`].join('\n'));
      const again = await ok(runCli(PromoAssign, ['--promo', 'PROMO_VIP', '--customers', ann, '--json']));
      expect(again.json?.result).toEqual({ promotionId: 'PROMO_VIP', code: 'PROMO_VIP', eligible: [], already: [ann], offers: [] });
    });

    it('a public promotion has no list: POLICY_VIOLATION promo.not_targeted', async () => {
      const result = await runCli(PromoAssign, ['--promo', 'PROMO_WELCOME10', '--customers', ann]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('POLICY_VIOLATION promo.not_targeted');
    });

    it('unassign removes and reports who was not eligible', async () => {
      const { stdout } = await ok(runCli(PromoUnassign, ['--promo', 'PROMO_VIP', '--customers', `${ann},CUST-deadbeef`]));
      expect(stdout).toBe([`1 removed, 1 not eligible`, `  - ${ann}`, `  ? CUST-deadbeef  was not eligible`].join('\n'));
      const again = await ok(runCli(PromoUnassign, ['--promo', 'PROMO_VIP', '--customers', ben, '--json']));
      expect(again.json?.status).toBe(0);
    });
  });

  describe('order create --promo-code (product page flow)', () => {
    it('WELCOME10 on PLAN_M: 22.50 now and for two renewals, then 25.00; subscription show --json says so', async () => {
      await ok(runCli(ClockFreeze, ['--at', '2026-05-01T09:00:00Z']));
      const id = ((await ok(runCli(CustomerCreate, ['--name', 'Cy Promo', '--email', 'cy.promo@example.com', '--json']))).json?.result as { id: string }).id;
      await ok(runCli(CustomerAttestKyc, [id, '--document-type', 'passport', '--document-number', 'E7654321']));
      await ok(runCli(PaymentAddCard, ['--customer', id, '--card', '4242424242424242']));
      const placed = await ok(runCli(OrderCreate, ['--customer', id, '--offering', 'PLAN_M', '--promo-code', 'WELCOME10', '--wait', '--json']));
      const order = placed.json?.result as { state: string; subscriptionId: string; item: { discountCode: string } };
      expect(order).toMatchObject({ state: 'completed', item: { discountCode: 'WELCOME10' } });
      const show = async () => (await ok(runCli(SubscriptionShow, [order.subscriptionId, '--json']))).json?.result;
      expect(await show()).toMatchObject({ priceAmount: '25.00', effectiveAmount: '22.50', discountPeriodsRemaining: 2 });
      const seen: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        await ok(runCli(ClockAdvance, ['30d']));
        await ok(runCli(SubscriptionRenew, [order.subscriptionId]));
        seen.push(await show());
      }
      expect(seen).toEqual([
        expect.objectContaining({ effectiveAmount: '22.50', discountPeriodsRemaining: 1 }),
        expect.objectContaining({ effectiveAmount: '25.00', discountPeriodsRemaining: 0 }),
        expect.objectContaining({ effectiveAmount: '25.00', discountPeriodsRemaining: 0 }),
      ]);
    });
  });

  describe('list / exhaust', () => {
    it('lists promotions by id, filtered by state', async () => {
      const { stdout } = await ok(runCli(PromoList, []));
      expect(stdout.split('\n').slice(2)).toEqual([
        'ID               State   Audience  Code       Discount      Duration   Offerings',
        '────────────────────────────────────────────────────────────────────────────────────',
        'PROMO_VIP        active  targeted  PROMO_VIP  SGD 5.00 off  single     PLAN_M,PLAN_L',
        'PROMO_WELCOME10  active  public    WELCOME10  10% off       multi (3)  all',
      ]);
      const none = await ok(runCli(PromoList, ['--state', 'exhausted', '--json']));
      expect(none.json?.result).toEqual([]);
    });

    it('exhaust is destructive: refused without --yes, done with it', async () => {
      const refused = await runCli(PromoExhaust, ['PROMO_WELCOME10']);
      expect(refused.exitCode).toBe(2);
      expect(refused.stderr).toContain('POLICY_VIOLATION cli.destructive.requires_yes');
      const { stdout } = await ok(runCli(PromoExhaust, ['PROMO_WELCOME10', '--yes']));
      expect(stdout).toBe('✓ Promotion PROMO_WELCOME10 is exhausted — code WELCOME10 no longer applies to new orders');
      expect((await ok(runCli(PromoList, ['--state', 'exhausted', '--json']))).json?.result).toEqual([expect.objectContaining({ id: 'PROMO_WELCOME10' })]);
      await ok(runCli(PromoCreate, ['--id', 'PROMO_SPENT', '--type', 'absolute', '--value', '1', '--duration', 'single', '--code', 'SPENT1', '--code-kind', 'multi_use']));
      const json = await ok(runCli(PromoExhaust, ['PROMO_SPENT', '--yes', '--json']));
      expect(json.json?.result).toMatchObject({ id: 'PROMO_SPENT', state: 'exhausted' });
    });
  });

  describe('with BSS_LOYALTY_MODE=off', () => {
    beforeAll(() => {
      process.env.BSS_LOYALTY_MODE = 'off';
    });
    afterAll(() => {
      process.env.BSS_LOYALTY_MODE = 'embedded';
    });

    it.each<[string, Parameters<typeof runCli>]>([
      ['create', [PromoCreate, WELCOME10_ARGS]],
      ['show', [PromoShow, ['PROMO_WELCOME10']]],
      ['list', [PromoList, []]],
      ['assign', [PromoAssign, ['--promo', 'PROMO_VIP', '--customers', 'CUST-0000000a']]],
      ['unassign', [PromoUnassign, ['--promo', 'PROMO_VIP', '--customers', 'CUST-0000000a']]],
      ['exhaust', [PromoExhaust, ['PROMO_VIP', '--yes']]],
    ])('%s only says promotions are off', async (_verb, [command, argv]) => {
      const result = await runCli(command, argv);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^POLICY_VIOLATION promo\.loyalty_not_configured {2}Promotions are off/);
    });
  });
});
