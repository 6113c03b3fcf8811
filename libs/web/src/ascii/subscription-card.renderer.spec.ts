import { renderSubscriptionCard, type SubscriptionCardInput } from './subscription-card.renderer';

const widths = (text: string): number[] => text.split('\n').map((line) => Array.from(line).length);
const now = new Date('2026-03-10T12:00:00Z');

function subscription(overrides: Partial<SubscriptionCardInput> = {}): SubscriptionCardInput {
  return {
    id: 'SUB-0007',
    customerId: 'CUST-0042',
    customerName: 'Ada Lovelace',
    msisdn: '91234567',
    offeringId: 'PLAN_M',
    offeringName: 'Standard',
    priceAmount: '25.00',
    currency: 'SGD',
    state: 'active',
    activatedAt: '2026-02-20T08:00:00Z',
    nextRenewalAt: '2026-03-22T08:00:00Z',
    balances: [
      { allowanceType: 'data', total: 30720, consumed: 12902.4, remaining: 17817.6, unit: 'mb' },
      { allowanceType: 'voice', total: -1, consumed: 42, remaining: -1, unit: 'minutes' },
      { allowanceType: 'sms', total: 100, consumed: 7, remaining: 93, unit: 'count' },
      { allowanceType: 'data_roaming', total: 500, consumed: 0, remaining: 500, unit: 'mb' },
    ],
    vasPurchases: [
      { vasOfferingId: 'VAS_DATA_1GB', appliedAt: '2026-03-01T10:00:00Z', allowanceAdded: 1024, unit: 'mb', priceAmount: '3.00', currency: 'SGD' },
    ],
    esim: { iccid: '8965012345678901234', imsi: '525011234567890', activationCode: 'smdp.bss-cli.local$K2-ABCD-1234' },
    ...overrides,
  };
}

describe('renderSubscriptionCard', () => {
  it('draws every line exactly 78 wide, active and blocked, with and without eSIM', () => {
    for (const state of ['active', 'blocked']) {
      for (const showEsim of [false, true]) {
        const out = renderSubscriptionCard(subscription({ state }), { now, showEsim });
        expect(new Set(widths(out))).toEqual(new Set([78]));
      }
    }
  });

  it('uses a single frame when active and a double frame when blocked', () => {
    const active = renderSubscriptionCard(subscription(), { now }).split('\n');
    expect(active[0]?.[0]).toBe('┌');
    expect(active[1]?.[0]).toBe('│');
    expect(active[active.length - 1]?.[0]).toBe('└');

    const blocked = renderSubscriptionCard(subscription({ state: 'blocked' }), { now }).split('\n');
    expect(blocked[0]?.[0]).toBe('╔');
    expect(blocked[1]?.[0]).toBe('║');
    expect(blocked[blocked.length - 1]?.[0]).toBe('╚');
  });

  it('renders gauges with used/total, unit and rounded percentage', () => {
    const out = renderSubscriptionCard(subscription(), { now });
    expect(out).toContain(`  Data    [${'█'.repeat(10)}▉${'░'.repeat(15)}]    12.6 GB / 30 GB      42%`);
    expect(out).toContain(`  Voice   [${'─'.repeat(26)}]  Unlimited`);
    expect(out).toContain('    7 SMS / 100 SMS     7%');
    // Never the raw megabytes of a topped-up bucket ("31744.0 MB").
    expect(out).not.toMatch(/\d+\.\d MB|\bmb\b/);
    expect(out).toContain('  Roaming [');
  });

  it('distinguishes a zero bucket from an unlimited one', () => {
    const out = renderSubscriptionCard(
      subscription({ balances: [{ allowanceType: 'data_roaming', total: 0, consumed: 0, remaining: 0, unit: 'mb' }] }),
      { now },
    );
    expect(out).toContain('Not included');
    expect(out).not.toContain('Unlimited');
  });

  it('counts renewal days from the supplied clock', () => {
    expect(renderSubscriptionCard(subscription(), { now })).toContain('Renews:    in 12 days (2026-03-22)');
    expect(renderSubscriptionCard(subscription(), { now: new Date('2026-03-25T00:00:00Z') })).toContain(
      'Renews:    overdue by 3 days (2026-03-22)',
    );
  });

  it('shows the plan price and the eSIM block only when asked', () => {
    const plain = renderSubscriptionCard(subscription(), { now });
    expect(plain).toContain('Plan:      Standard (PLAN_M) — SGD 25.00/mo');
    expect(plain).not.toContain('── eSIM');
    const withEsim = renderSubscriptionCard(subscription(), { now, showEsim: true });
    expect(withEsim).toContain('  ICCID  8965 0123 4567 8901 234');
    expect(withEsim).toContain('  LPA    LPA:1$smdp.bss-cli.local$K2-ABCD-1234');
  });

  it('matches the snapshots', () => {
    expect(renderSubscriptionCard(subscription(), { now, showEsim: true })).toMatchSnapshot('active with eSIM');
    expect(
      renderSubscriptionCard(
        subscription({
          state: 'blocked',
          balances: [{ allowanceType: 'data', total: 5120, consumed: 5120, remaining: 0, unit: 'mb' }],
          vasPurchases: [],
        }),
        { now },
      ),
    ).toMatchSnapshot('blocked');
  });
});
