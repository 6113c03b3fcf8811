import { Args, Flags } from '@oclif/core';
import { AckTicketCommand, type TicketView } from '@bss/crm';
import { BssCommand } from '#bss/base/bss-command';
import { renderTicketMove } from './list';

export default class TicketAck extends BssCommand<TicketView> {
  static override summary = 'Acknowledge a ticket (it needs an assignee: already set, or --agent)';
  static override examples = ['<%= config.bin %> ticket ack TKT-3f9a0c12 --agent AGT-004'];
  static override args = { id: Args.string({ required: true, description: 'Ticket id (TKT-…)' }) };
  static override flags = { agent: Flags.string({ description: 'Assignee, when the ticket has none (AGT-…)' }) };

  protected async execute(): Promise<TicketView> {
    const { args, flags } = await this.parse(TicketAck);
    return (await this.service(AckTicketCommand)).execute({ ticketId: args.id, assignedToAgentId: flags.agent });
  }

  protected render(ticket: TicketView): string {
    return renderTicketMove(ticket);
  }
}
