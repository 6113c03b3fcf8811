import { renderOrderTree, type OrderTreeInput } from './order-tree.renderer';

const widths = (text: string): number[] => text.split('\n').map((line) => Array.from(line).length);

function order(overrides: Partial<OrderTreeInput> = {}): OrderTreeInput {
  return {
    id: 'ORD-0014',
    state: 'failed',
    customerId: 'CUST-0042',
    offeringId: 'PLAN_M',
    placedAt: '2026-03-10T12:00:00.000Z',
    completedAt: '2026-03-10T12:00:04.250Z',
    serviceOrders: [
      {
        id: 'SO-0022',
        state: 'failed',
        cfs: [
          {
            id: 'SVC-0101',
            name: 'MobileBroadband',
            state: 'failed',
            rfs: [
              {
                id: 'SVC-0102',
                name: 'DataService',
                state: 'reserved',
                tasks: [
                  {
                    id: 'PTK-0001',
                    taskType: 'HLR_PROVISION',
                    state: 'completed',
                    attempts: 1,
                    startedAt: '2026-03-10T12:00:00.500Z',
                    completedAt: '2026-03-10T12:00:01.800Z',
                  },
                  {
                    id: 'PTK-0002',
                    taskType: 'OCS_BALANCE_INIT',
                    state: 'failed',
                    attempts: 2,
                    startedAt: '2026-03-10T12:00:01.000Z',
                    completedAt: '2026-03-10T12:00:03.000Z',
                  },
                ],
              },
              {
                id: 'SVC-0103',
                name: 'VoiceService',
                state: 'reserved',
                tasks: [{ id: 'PTK-0003', taskType: 'PCRF_POLICY_PUSH', state: 'completed', attempts: 1 }],
              },
            ],
          },
        ],
      },
    ],
    ...overrides,
  };
}

describe('renderOrderTree', () => {
  it('draws every line exactly 86 wide', () => {
    expect(new Set(widths(renderOrderTree(order())))).toEqual(new Set([86]));
    expect(new Set(widths(renderOrderTree(order({ serviceOrders: [], completedAt: null }))))).toEqual(new Set([86]));
  });

  it('keeps the width when names run past the state column', () => {
    const base = order();
    const so = base.serviceOrders[0];
    const cfs = so?.cfs[0];
    if (!so || !cfs) throw new Error('fixture');
    const out = renderOrderTree({
      ...base,
      serviceOrders: [
        { ...so, cfs: [{ ...cfs, name: 'AnExtremelyLongCustomerFacingServiceNameThatOverflows'.repeat(2) }] },
      ],
    });
    expect(new Set(widths(out))).toEqual(new Set([86]));
  });

  it('marks a twice-tried failed task and counts it in the summary', () => {
    const out = renderOrderTree(order());
    const taskLine = out.split('\n').find((line) => line.includes('PTK-0002')) ?? '';
    expect(taskLine).toContain('⚠');
    expect(taskLine).toContain('failed');
    expect(taskLine).toContain('(2.0s)');
    expect(taskLine).toContain('2 attempts');
    expect(out).toContain('Summary: 1 SO · 3 tasks · 1 failed  total 4.3s');
  });

  it('lines the state column up at every depth', () => {
    const rows = renderOrderTree(order())
      .split('\n')
      .filter((line) => /(Order|CFS|RFS|PTK-)/.test(line) && !line.startsWith('┌'));
    expect(rows.length).toBe(8);
    for (const row of rows) {
      // Label column 44 + marker 2 + right-aligned state 12, after the "│ " frame.
      expect(Array.from(row).slice(2, 2 + 58).join('')).toMatch(/(completed|failed|reserved)$/);
    }
  });

  it('says so when a service order has no services, and notes the activated subscription', () => {
    const out = renderOrderTree(
      order({ state: 'completed', subscriptionId: 'SUB-0007', serviceOrders: [{ id: 'SO-0001', state: 'acknowledged', cfs: [] }] }),
    );
    expect(out).toContain('└─ Service Order SO-0001');
    expect(out).toContain('   (no services attached)');
    expect(out).toContain('→ Subscription SUB-0007 activated');
    expect(out).toContain('Summary: 1 SO · 0 tasks · 0 failed');
  });

  it('matches the snapshot', () => {
    expect(renderOrderTree(order({ subscriptionId: null }))).toMatchSnapshot();
  });
});
