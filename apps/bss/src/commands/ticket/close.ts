import { Args } from '@oclif/core';
import { CloseTicketCommand, type TicketView } from '@bss/crm';
import { BssCommand } from '#bss/base/bss-command';
import { renderTicketMove } from './list';

export default class TicketClose extends BssCommand<TicketView> {
  static override summary = 'Close a resolved ticket (the customer confirmed the fix)';
  static override examples = ['<%= config.bin %> ticket close TKT-3f9a0c12'];
  static override args = { id: Args.string({ required: true, description: 'Ticket id (TKT-…)' }) };

  protected async execute(): Promise<TicketView> {
    const { args } = await this.parse(TicketClose);
    return (await this.service(CloseTicketCommand)).execute({ ticketId: args.id });
  }

  protected render(ticket: TicketView): string {
    return renderTicketMove(ticket);
  }
}
