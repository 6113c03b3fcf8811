import { renderCaseCard, type CaseCardInput } from './case-card.renderer';

const widths = (text: string): number[] => text.split('\n').map((line) => Array.from(line).length);

const kase: CaseCardInput = {
  id: 'CASE-011',
  subject: 'No data after top-up',
  state: 'in_progress',
  priority: 'high',
  customerId: 'CUST-0042',
  customerName: 'Ada Lovelace',
  category: 'technical',
  createdAt: '2026-03-09T10:15:00Z',
  openedBy: 'csr-amy',
  tickets: [
    { id: 'TKT-021', ticketType: 'network', state: 'acknowledged', priority: 'high', assignedAgentId: 'AGT-003' },
    { id: 'TKT-022', ticketType: 'billing', state: 'open', priority: 'medium' },
  ],
  notes: [
    {
      authorId: 'AGT-003',
      createdAt: '2026-03-09T11:00:00Z',
      body: 'Customer confirms the VAS purchase went through; balance still shows 0 mb remaining on data.',
    },
  ],
};

describe('renderCaseCard', () => {
  it('is 72 wide with the case summary in the title', () => {
    const out = renderCaseCard(kase);
    expect(new Set(widths(out))).toEqual(new Set([72]));
    expect(out.split('\n')[0]).toContain("CASE-011  'No data after top-up'  [in_progress]  high");
  });

  it('lists tickets with an agent dash when unassigned and cuts note bodies to the row with a visible …', () => {
    const out = renderCaseCard(kase);
    expect(out).toContain('  TKT-021  network            acknowledged   high   AGT-003');
    expect(out).toContain('  TKT-022  billing            open           medium —');
    expect(out).toContain('│   [AGT-003 2026-03-09 11:00] Customer confirms the VAS purchase wen… │');
    expect(out).toContain('Opened:   2026-03-09 10:15 by csr-amy');
  });

  it('matches the snapshot', () => {
    expect(renderCaseCard(kase)).toMatchSnapshot();
    expect(renderCaseCard({ ...kase, tickets: [], notes: [], openedBy: null, category: null })).toMatchSnapshot('empty');
  });
});
