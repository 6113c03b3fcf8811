import { Args, Flags } from '@oclif/core';
import { CancelTicketCommand, type TicketView } from '@bss/crm';
import { BssCommand, yesFlag } from '#bss/base/bss-command';
import { renderTicketMove } from './list';

export default class TicketCancel extends BssCommand<TicketView> {
  static override summary = 'Cancel a ticket that is not resolved yet';
  static override examples = ['<%= config.bin %> ticket cancel TKT-3f9a0c12 --reason duplicate --yes'];
  static override args = { id: Args.string({ required: true, description: 'Ticket id (TKT-…)' }) };
  static override flags = { reason: Flags.string({ description: 'Why' }), yes: yesFlag };

  protected async execute(): Promise<TicketView> {
    const { args, flags } = await this.parse(TicketCancel);
    this.requireYes(flags.yes, 'ticket cancel');
    return (await this.service(CancelTicketCommand)).execute({ ticketId: args.id, reason: flags.reason });
  }

  protected render(ticket: TicketView): string {
    return renderTicketMove(ticket);
  }
}
