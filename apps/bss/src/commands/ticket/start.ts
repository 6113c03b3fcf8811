import { Args } from '@oclif/core';
import { StartTicketCommand, type TicketView } from '@bss/crm';
import { BssCommand } from '#bss/base/bss-command';
import { renderTicketMove } from './list';

export default class TicketStart extends BssCommand<TicketView> {
  static override summary = 'Start work on an acknowledged ticket';
  static override examples = ['<%= config.bin %> ticket start TKT-3f9a0c12'];
  static override args = { id: Args.string({ required: true, description: 'Ticket id (TKT-…)' }) };

  protected async execute(): Promise<TicketView> {
    const { args } = await this.parse(TicketStart);
    return (await this.service(StartTicketCommand)).execute({ ticketId: args.id });
  }

  protected render(ticket: TicketView): string {
    return renderTicketMove(ticket);
  }
}
