import { RENDERED_TOOLS, renderToolResult } from './tool-result.renderer';

// Tool results as the agent hands them to a face: the contexts' views after JSON (dates are strings).
const NOW = new Date('2026-03-01T09:00:00Z');
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const line = json({
  id: 'SUB-0007',
  customerId: 'CUST-1a2b3c4d',
  offeringId: 'PLAN_M',
  state: 'active',
  msisdn: '6591234567',
  priceAmount: '25.00',
  effectiveAmount: '20.00',
  currency: 'SGD',
  activatedAt: new Date('2026-02-10T08:00:00Z'),
  nextRenewalAt: new Date('2026-03-12T08:00:00Z'),
  balances: [
    { allowanceType: 'data', total: 10240, consumed: 8704, remaining: 1536, unit: 'mb' },
    { allowanceType: 'voice', total: -1, consumed: 42, remaining: -1, unit: 'min' },
  ],
});

const customer360 = json({
  customer: { id: 'CUST-1a2b3c4d', name: 'Ada Tan', status: 'active', kycStatus: 'verified', email: 'ada@example.sg', phone: '+6591234567', customerSince: new Date('2025-11-02T00:00:00Z') },
  subscriptions: [line],
  openCases: [{ id: 'CASE-0003', subject: 'No data abroad', priority: 'high', state: 'open', tickets: [{ id: 'TKT-0009', ticketType: 'service_outage', priority: 'high', state: 'open' }] }],
  closedCaseCount: 2,
  interactions: [{ occurredAt: new Date('2026-02-28T10:00:00Z'), channel: 'portal-csr', summary: 'Called about roaming' }],
});

const order = json({
  id: 'ORD-0012',
  customerId: 'CUST-1a2b3c4d',
  state: 'completed',
  orderDate: new Date('2026-02-10T07:59:00Z'),
  completedDate: new Date('2026-02-10T08:00:00Z'),
  subscriptionId: 'SUB-0007',
  failureReason: null,
  stuckFlaggedAt: null,
  item: { offeringId: 'PLAN_M', priceSnapshot: { priceAmount: '25.00' } },
  serviceOrders: [
    {
      id: 'SO-0012',
      state: 'completed',
      cfs: [{ id: 'CFS-1', name: 'MobileService', state: 'active', rfs: [{ id: 'RFS-1', name: 'eSIMProfile', state: 'active', tasks: [{ id: 'PT-1', taskType: 'esim.download', state: 'completed', attempts: 1, startedAt: null, completedAt: null }] }] }],
    },
  ],
});

const kase = json({
  id: 'CASE-0003',
  customerId: 'CUST-1a2b3c4d',
  subject: 'No data abroad',
  state: 'open',
  priority: 'high',
  category: 'technical',
  openedAt: new Date('2026-02-28T10:05:00Z'),
  openedByAgentId: null,
  tickets: [{ id: 'TKT-0009', caseId: 'CASE-0003', ticketType: 'service_outage', subject: 'Roaming data down', state: 'open', priority: 'high', assignedToAgentId: null }],
  notes: [{ authorAgentId: null, actor: 'ops@example.sg', createdAt: new Date('2026-02-28T10:06:00Z'), body: 'Checked the HLR.' }],
});

describe('renderToolResult: one card per tool result, for the REPL and the browser alike', () => {
  it('a line (any subscription view) renders its card with balance bars', () => {
    const card = renderToolResult('subscription.show', line, NOW);
    expect(card).toContain('SUB-0007');
    expect(card).toMatchSnapshot();
    // The same result from another line-returning tool (or nested as `subscription`) is the same card.
    expect(renderToolResult('subscription.terminate', line, NOW)).toBe(card);
    expect(renderToolResult('subscription.vas', { subscription: line }, NOW)).toBe(card);
  });

  it('customer.show (and find_by_msisdn) render the 360', () => {
    const card = renderToolResult('customer.show', customer360, NOW);
    expect(card).toMatchSnapshot();
    expect(renderToolResult('customer.find_by_msisdn', { ...customer360, line: { id: 'SUB-0007' } }, NOW)).toBe(card);
  });

  it('customer.list and order.list render their tables', () => {
    expect(renderToolResult('customer.list', [{ id: 'CUST-1a2b3c4d', name: 'Ada Tan', status: 'active', email: 'ada@example.sg' }], NOW)).toMatchSnapshot();
    expect(renderToolResult('order.list', [json({ id: 'ORD-0012', state: 'completed', customerId: 'CUST-1a2b3c4d', orderDate: new Date('2026-02-10T07:59:00Z') })], NOW)).toMatchSnapshot();
  });

  it('order.show renders the COM → SOM tree, with the failure reason under it', () => {
    expect(renderToolResult('order.show', order, NOW)).toMatchSnapshot();
    expect(renderToolResult('order.show', { ...order, state: 'failed', failureReason: 'payment declined' }, NOW)).toMatch(/Failure reason: payment declined$/);
    expect(renderToolResult('order.wait_until', { reached: true, order }, NOW)).toBe(renderToolResult('order.show', order, NOW));
  });

  it('case.show, case.list and ticket.list render the case card and the queues', () => {
    expect(renderToolResult('case.show', kase, NOW)).toMatchSnapshot();
    expect(renderToolResult('case.list', [kase], NOW)).toMatchSnapshot();
    expect(renderToolResult('ticket.list', kase.tickets, NOW)).toMatchSnapshot();
    expect(renderToolResult('ticket.show', kase.tickets[0], NOW)).toContain('TKT-0009');
  });

  it('catalog.list renders the plan comparison', () => {
    const plan = (id: string, name: string, amount: string, mb: number) => ({
      id,
      name,
      isBundle: true,
      isSellable: true,
      lifecycleStatus: 'active',
      prices: [{ amount, currency: 'SGD' }],
      allowances: [{ allowanceType: 'data', quantity: mb, unit: 'mb' }],
    });
    expect(renderToolResult('catalog.list', [plan('PLAN_S', 'Lite', '15.00', 5120), plan('PLAN_M', 'Standard', '25.00', 10240)], NOW)).toMatchSnapshot();
  });

  it('is null when there is no card: unknown tool, empty list, nothing, or a shape the card does not expect', () => {
    expect(renderToolResult('payment.list_methods', [{ id: 'PM-1' }], NOW)).toBeNull();
    expect(renderToolResult('order.list', [], NOW)).toBeNull();
    expect(renderToolResult('order.show', null, NOW)).toBeNull();
    expect(renderToolResult('order.show', { id: 'ORD-1' }, NOW)).toBeNull();
    expect(RENDERED_TOOLS).toEqual(expect.arrayContaining(['customer.show', 'order.show', 'case.show', 'ticket.list', 'catalog.list']));
  });
});
