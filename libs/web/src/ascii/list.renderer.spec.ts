import { renderCustomerList, renderList, renderMsisdnList, renderOrderList, type ListColumn } from './list.renderer';

interface Row {
  id: string;
  note: string;
}

describe('renderList', () => {
  const rows: Row[] = Array.from({ length: 5 }, (_, index) => ({ id: `ROW-${index + 1}`, note: 'x'.repeat(index * 3) }));
  const columns: ListColumn<Row>[] = [
    { header: 'ID', value: (row) => row.id },
    { header: 'Note', value: (row) => row.note, maxWidth: 6 },
  ];

  it('draws a titled rule, header, underline, rows and an overflow count', () => {
    const lines = renderList('Things', columns, rows, { limit: 4 }).split('\n');
    // The table is 13 wide (5 + gap 2 + the 6-wide cut note), and so is the rule.
    expect(lines[0]).toBe('── Things ───');
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('ID     Note');
    expect(lines[3]).toBe('─'.repeat(13));
    expect(lines[4]).toBe('ROW-1');
    expect(lines[6]).toBe('ROW-3  xxxxxx');
    expect(lines[7]).toBe('ROW-4  xxxxx…');
    expect(lines[8]).toBe('(+ 1 more)');
  });

  it('says (none) for an empty list', () => {
    expect(renderList('Things', columns, [])).toBe('── Things ──\n\n(none)');
  });
});

describe('list presets', () => {
  it('caps customers at 25', () => {
    const customers = Array.from({ length: 27 }, (_, index) => ({
      id: `CUST-${String(index + 1).padStart(4, '0')}`,
      name: `Customer ${index + 1}`,
      status: 'active',
      email: `c${index + 1}@example.com`,
    }));
    const out = renderCustomerList(customers);
    expect(out).toContain('CUST-0025');
    expect(out).not.toContain('CUST-0026');
    expect(out).toContain('(+ 2 more)');
  });

  it('matches the snapshots', () => {
    expect(
      renderCustomerList([
        { id: 'CUST-0001', name: 'Ada Lovelace', status: 'active', email: 'ada@example.com' },
        { id: 'CUST-0002', name: 'Grace Hopper', status: 'pending' },
      ]),
    ).toMatchSnapshot('customers');
    expect(
      renderOrderList([
        { id: 'ORD-0014', state: 'completed', customerId: 'CUST-0001', placedAt: '2026-03-10T12:00:00Z' },
        { id: 'ORD-0015', state: 'in_progress', customerId: 'CUST-0002', placedAt: null },
      ]),
    ).toMatchSnapshot('orders');
    expect(
      renderMsisdnList([
        { msisdn: '91234567', status: 'assigned', subscriptionId: 'SUB-0007' },
        { msisdn: '91234568', status: 'reserved', reservedAt: new Date('2026-03-10T12:00:00Z') },
        { msisdn: '91234569', status: 'available' },
      ]),
    ).toMatchSnapshot('msisdns');
  });
});
