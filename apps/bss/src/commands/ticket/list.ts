import { Flags } from '@oclif/core';
import { TICKET_STATES, TicketQueries, type TicketState, type TicketView } from '@bss/crm';
import { formatMinute, renderList } from '@bss/web';
import { BssCommand, limitFlag } from '#bss/base/bss-command';

/** `<id> → <state>`: what every ticket move prints. */
export function renderTicketMove(ticket: TicketView): string {
  return `${ticket.id} → ${ticket.state}`;
}

export default class TicketList extends BssCommand<TicketView[]> {
  static override summary = 'List tickets, newest first';
  static override examples = ['<%= config.bin %> ticket list --agent AGT-004 --state acknowledged', '<%= config.bin %> ticket list --case CASE-3f9a0c12 --json'];
  static override flags = {
    case: Flags.string({ description: 'Only this case’s tickets (CASE-…)' }),
    customer: Flags.string({ description: 'Only this customer’s tickets (CUST-…)' }),
    state: Flags.string({ description: 'Only tickets in this state', options: [...TICKET_STATES] }),
    agent: Flags.string({ description: 'Only tickets assigned to this agent (AGT-…)' }),
    limit: limitFlag,
  };

  protected async execute(): Promise<TicketView[]> {
    const { flags } = await this.parse(TicketList);
    return (await this.service(TicketQueries)).list({
      caseId: flags.case,
      customerId: flags.customer,
      state: flags.state as TicketState | undefined,
      agentId: flags.agent,
      limit: flags.limit,
    });
  }

  protected render(tickets: TicketView[]): string {
    return renderList(
      'Tickets',
      [
        { header: 'ID', value: (t) => t.id },
        { header: 'Type', value: (t) => t.ticketType },
        { header: 'State', value: (t) => t.state },
        { header: 'Priority', value: (t) => t.priority },
        { header: 'Agent', value: (t) => t.assignedToAgentId ?? '—' },
        { header: 'SLA due', value: (t) => formatMinute(t.slaDueAt) },
      ],
      tickets,
    );
  }
}
