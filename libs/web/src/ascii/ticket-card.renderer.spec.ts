import { renderTicketCard } from './ticket-card.renderer';

describe('renderTicketCard', () => {
  const ticket = {
    id: 'TKT-021',
    subject: 'HLR shows the line as barred',
    ticketType: 'network',
    state: 'in_progress',
    priority: 'high',
    assignedAgentId: 'AGT-003',
    caseId: 'CASE-011',
  };

  it('is 64 wide and shows every field', () => {
    const out = renderTicketCard(ticket);
    expect(new Set(out.split('\n').map((line) => Array.from(line).length))).toEqual(new Set([64]));
    expect(out).toContain('Case:     CASE-011');
    expect(renderTicketCard({ ...ticket, assignedAgentId: null, caseId: null })).toContain('Assigned: —');
  });

  it('matches the snapshot', () => {
    expect(renderTicketCard(ticket)).toMatchSnapshot();
  });
});
