import { renderCustomer360, type Customer360Input } from './customer-360.renderer';

const widths = (text: string): number[] => text.split('\n').map((line) => Array.from(line).length);

function customer(overrides: Partial<Customer360Input> = {}): Customer360Input {
  return {
    id: 'CUST-0042',
    name: 'Ada Lovelace',
    status: 'active',
    kycStatus: 'verified',
    email: 'ada@example.com',
    phone: '91234567',
    customerSince: '2026-01-15T09:30:00Z',
    subscriptions: [
      { id: 'SUB-0007', offeringId: 'PLAN_M', state: 'active', msisdn: '91234567', dataUsed: 12800, dataTotal: 30720 },
      { id: 'SUB-0008', offeringId: 'PLAN_S', state: 'blocked', msisdn: '98765432', dataUsed: 5120, dataTotal: 5120 },
      { id: 'SUB-0009', offeringId: 'PLAN_L', state: 'suspended', msisdn: '90001111' },
    ],
    cases: [
      {
        id: 'CASE-011',
        subject: 'No data after top-up on a long trip abroad with roaming',
        priority: 'high',
        state: 'in_progress',
        tickets: [
          { id: 'TKT-021', ticketType: 'network', priority: 'high', state: 'acknowledged' },
          { id: 'TKT-022', ticketType: 'billing', priority: 'medium', state: 'open' },
        ],
      },
      { id: 'CASE-009', subject: 'Wrong charge', priority: 'medium', state: 'resolved', tickets: [] },
      { id: 'CASE-005', subject: 'Port-in question', priority: 'low', state: 'closed', tickets: [] },
    ],
    interactions: Array.from({ length: 7 }, (_, index) => ({
      occurredAt: new Date(Date.UTC(2026, 2, 10 - index, 8, 15)),
      channel: index % 2 === 0 ? 'cli' : 'portal-self-serve',
      summary: `Interaction number ${index + 1} with a summary long enough to be cut off`,
    })),
    ...overrides,
  };
}

describe('renderCustomer360', () => {
  it('draws every line exactly 70 wide', () => {
    expect(new Set(widths(renderCustomer360(customer())))).toEqual(new Set([70]));
    expect(new Set(widths(renderCustomer360(customer({ subscriptions: [], cases: [], interactions: [] }))))).toEqual(
      new Set([70]),
    );
  });

  it('keeps the width with long, multi-line and emoji-laden fields', () => {
    const out = renderCustomer360(
      customer({
        name: 'Ada 😀 Augusta King, Countess of Lovelace, née Byron, of the long name'.repeat(2),
        email: `${'very.long.address'.repeat(5)}@example.com`,
        cases: [
          { id: 'CASE-001', subject: 'Line one\nline two\u001b[31m red', priority: 'urgent', state: 'open', tickets: [] },
        ],
        interactions: [{ occurredAt: new Date(Number.NaN), channel: 'chat', summary: '★'.repeat(80) }],
      }),
    );
    expect(new Set(widths(out))).toEqual(new Set([70]));
    expect(out).not.toContain('\u001b');
  });

  it('flags blocked and suspended subscriptions with ⚠', () => {
    const lines = renderCustomer360(customer()).split('\n');
    expect(lines.find((line) => line.includes('SUB-0007'))).toContain('│   SUB-0007');
    expect(lines.find((line) => line.includes('SUB-0008'))).toContain('│ ⚠ SUB-0008');
    expect(lines.find((line) => line.includes('SUB-0009'))).toContain('│ ⚠ SUB-0009');
  });

  it('shows data usage as a truncated percentage', () => {
    const out = renderCustomer360(customer());
    expect(out).toContain('9123 4567  bundle 41%');
    expect(out).toContain('9876 5432  bundle 100%');
  });

  it('lists only open cases, with their tickets, and counts the rest', () => {
    const out = renderCustomer360(customer());
    expect(out).toContain('── Open Cases (1) ');
    expect(out).toContain('CASE-011');
    expect(out).not.toContain('CASE-009');
    expect(out).not.toContain('CASE-005');
    expect(out).toContain('    └─ TKT-021  network        high   acknowledged');
    expect(out).toContain('  (+ 2 resolved/closed)');
  });

  it('shows the KYC badge and contact line', () => {
    expect(renderCustomer360(customer())).toContain('Status:  ● ACTIVE · ✓ KYC verified');
    expect(renderCustomer360(customer({ kycStatus: 'pending' }))).toContain('● ACTIVE · ⚠ KYC not verified');
    expect(renderCustomer360(customer({ email: null, phone: null }))).toContain('Contact: —');
  });

  it('shows at most five interactions and an overflow line', () => {
    const out = renderCustomer360(customer());
    expect(out).toContain('── Recent Interactions (7) ');
    expect(out).toContain('Interaction number 5');
    expect(out).not.toContain('Interaction number 6');
    expect(out).toContain('  (+ 2 more)');
  });

  it('says (none) for empty sections', () => {
    const out = renderCustomer360(customer({ subscriptions: [], cases: [], interactions: [] }));
    expect(out.match(/\(none\)/g)).toHaveLength(3);
  });

  it('matches the snapshot', () => {
    expect(renderCustomer360(customer())).toMatchSnapshot();
  });
});
