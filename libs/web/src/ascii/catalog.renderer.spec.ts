import {
  renderCatalogComparison,
  renderSinglePlan,
  renderVasTable,
  type CatalogOfferingInput,
  type VasOfferingInput,
} from './catalog.renderer';

const widths = (text: string): number[] => text.split('\n').map((line) => Array.from(line).length);

function plan(id: string, name: string, price: string, data: number, voice: number, sms: number, roaming: number): CatalogOfferingInput {
  return {
    id,
    name,
    isSellable: true,
    isBundle: true,
    lifecycleStatus: 'active',
    productOfferingPrice: [{ price: { taxIncludedAmount: { value: price, unit: 'SGD' } } }],
    bundleAllowance: [
      { allowanceType: 'data', quantity: data, unit: 'mb' },
      { allowanceType: 'voice', quantity: voice, unit: 'minutes' },
      { allowanceType: 'sms', quantity: sms, unit: 'count' },
      { allowanceType: 'data_roaming', quantity: roaming, unit: 'mb' },
    ],
  };
}

const PLAN_S = plan('PLAN_S', 'Lite', '10.00', 5120, 100, 100, 0);
const PLAN_M = plan('PLAN_M', 'Standard', '25.00', 30720, -1, -1, 500);
const PLAN_L = plan('PLAN_L', 'Max', '45.00', 153600, -1, -1, 2048);

describe('renderCatalogComparison', () => {
  // Deliberately not listed in price order.
  const catalog = [PLAN_L, PLAN_M, { ...PLAN_S, bundleAllowance: [{ allowanceType: 'data', quantity: 1024, unit: 'mb' }] }];

  it('orders plans cheapest first and stars PLAN_M', () => {
    const header = renderCatalogComparison(catalog).split('\n')[1] ?? '';
    expect(header.indexOf('PLAN_S')).toBeLessThan(header.indexOf('PLAN_M'));
    expect(header.indexOf('PLAN_M')).toBeLessThan(header.indexOf('PLAN_L'));
    expect(header).toContain('PLAN_M ★  Standard');
    expect(header.match(/★/g)).toHaveLength(1);
  });

  it('stars the middle plan when there is no PLAN_M', () => {
    const out = renderCatalogComparison([PLAN_S, PLAN_L, plan('PLAN_X', 'Extra', '30.00', 1024, 1, 1, 0)]);
    expect(out).toContain('PLAN_X ★');
  });

  it('shows 1024 mb as 1 GB and unlimited for −1', () => {
    const out = renderCatalogComparison(catalog);
    expect(out).toContain('Data    1 GB');
    expect(out).toContain('Data    30 GB');
    expect(out).toContain('Voice   Unlimited');
    expect(out).toContain('Roaming 2 GB');
    expect(out).toContain('Voice   —');
  });

  it('drops unsellable, retired and non-bundle offerings and sinks unpriced ones', () => {
    const out = renderCatalogComparison([
      PLAN_M,
      { ...PLAN_S, id: 'PLAN_OLD', lifecycleStatus: 'retired' },
      { ...PLAN_S, id: 'PLAN_HID', isSellable: false },
      { ...PLAN_S, id: 'VAS_X', isBundle: false },
      { ...PLAN_S, id: 'PLAN_FREE', productOfferingPrice: [] },
      PLAN_S,
    ]);
    expect(out).not.toMatch(/PLAN_OLD|PLAN_HID|VAS_X/);
    const header = out.split('\n')[1] ?? '';
    expect(header.indexOf('PLAN_S')).toBeLessThan(header.indexOf('PLAN_M'));
    expect(header.indexOf('PLAN_M')).toBeLessThan(header.indexOf('PLAN_FREE'));
  });

  it('draws the top border as wide as every other line (reference quirk fixed)', () => {
    for (const plans of [[PLAN_S], [PLAN_S, PLAN_M], catalog]) {
      const out = renderCatalogComparison(plans);
      const expected = 22 * plans.length + 2 * (plans.length - 1) + 6;
      expect(new Set(widths(out))).toEqual(new Set([expected]));
    }
  });

  it('says so when nothing is on sale', () => {
    expect(renderCatalogComparison([])).toBe('(no plans in catalog)');
  });

  it('matches the snapshot', () => {
    expect(renderCatalogComparison([PLAN_L, PLAN_M, PLAN_S])).toMatchSnapshot();
  });
});

describe('renderSinglePlan', () => {
  it('is 60 wide on every line and marks PLAN_M as most popular', () => {
    const out = renderSinglePlan(PLAN_M);
    expect(new Set(widths(out))).toEqual(new Set([60]));
    expect(out.split('\n')[0]).toContain('PLAN_M  Standard  ★ MOST POPULAR');
    expect(renderSinglePlan(PLAN_S)).not.toContain('MOST POPULAR');
  });

  it('hides the roaming row only when the plan has no roaming allowance at all', () => {
    expect(renderSinglePlan({ ...PLAN_S, bundleAllowance: [] })).not.toContain('Roaming');
    expect(renderSinglePlan(PLAN_M)).toContain('  Roaming     500 MB');
  });

  it('matches the snapshot', () => {
    expect(renderSinglePlan(PLAN_M)).toMatchSnapshot();
  });
});

describe('renderVasTable', () => {
  const vas: VasOfferingInput[] = [
    { id: 'VAS_DATA_1GB', name: 'Data Top-Up 1GB', priceAmount: '3.00', currency: 'SGD', allowanceType: 'data', allowanceQuantity: 1024, allowanceUnit: 'mb' },
    { id: 'VAS_DATA_5GB', name: 'Data Top-Up 5GB', priceAmount: '12.00', currency: 'SGD', allowanceType: 'data', allowanceQuantity: 5120, allowanceUnit: 'mb', expiryHours: null },
    { id: 'VAS_UNLIMITED_DAY', name: 'Unlimited Data Day Pass', priceAmount: '5.00', currency: 'SGD', allowanceType: 'data', allowanceQuantity: -1, allowanceUnit: 'mb', expiryHours: 24 },
  ];

  it('auto-sizes columns and formats price, allowance and expiry', () => {
    const lines = renderVasTable(vas).split('\n');
    expect(lines[0]).toContain(' VAS Offerings ');
    expect(lines[1]?.startsWith('ID                 Name')).toBe(true);
    expect(lines[2]).toMatch(/^─+$/);
    expect(lines[3]).toContain('SGD 3.00');
    expect(lines[3]).toContain('data 1 GB');
    expect(lines[3]?.endsWith('—')).toBe(true);
    expect(lines[5]).toContain('data Unlimited');
    expect(lines[5]?.endsWith('24h')).toBe(true);
  });

  it('matches the snapshot', () => {
    expect(renderVasTable(vas)).toMatchSnapshot();
  });
});
