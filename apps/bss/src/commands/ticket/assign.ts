import { Args, Flags } from '@oclif/core';
import { AssignTicketCommand, type TicketView } from '@bss/crm';
import { BssCommand } from '#bss/base/bss-command';

export default class TicketAssign extends BssCommand<TicketView> {
  static override summary = 'Assign a ticket to an active agent';
  static override examples = ['<%= config.bin %> ticket assign TKT-3f9a0c12 --agent AGT-004'];
  static override args = { id: Args.string({ required: true, description: 'Ticket id (TKT-…)' }) };
  static override flags = { agent: Flags.string({ description: 'Agent (AGT-…)', required: true }) };

  protected async execute(): Promise<TicketView> {
    const { args, flags } = await this.parse(TicketAssign);
    return (await this.service(AssignTicketCommand)).execute({ ticketId: args.id, agentId: flags.agent });
  }

  protected render(ticket: TicketView): string {
    return `${ticket.id} → ${ticket.state} (assigned to ${ticket.assignedToAgentId})`;
  }
}
