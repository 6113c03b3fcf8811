import { Args } from '@oclif/core';
import { TicketQueries, type TicketDetailView } from '@bss/crm';
import { renderTicketCard } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class TicketShow extends BssCommand<TicketDetailView> {
  static override summary = 'Show a ticket (with its state history in --json)';
  static override examples = ['<%= config.bin %> ticket show TKT-3f9a0c12'];
  static override args = { id: Args.string({ required: true, description: 'Ticket id (TKT-…)' }) };

  protected async execute(): Promise<TicketDetailView> {
    const { args } = await this.parse(TicketShow);
    return (await this.service(TicketQueries)).getDetail(args.id);
  }

  protected render(ticket: TicketDetailView): string {
    return renderTicketCard({
      id: ticket.id,
      subject: ticket.subject,
      ticketType: ticket.ticketType,
      state: ticket.state,
      priority: ticket.priority,
      assignedAgentId: ticket.assignedToAgentId,
      caseId: ticket.caseId,
    });
  }
}
