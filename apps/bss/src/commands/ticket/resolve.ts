import { Args, Flags } from '@oclif/core';
import { ResolveTicketCommand, type TicketView } from '@bss/crm';
import { BssCommand } from '#bss/base/bss-command';
import { renderTicketMove } from './list';

export default class TicketResolve extends BssCommand<TicketView> {
  static override summary = 'Resolve a ticket in progress, saying what fixed it';
  static override examples = ['<%= config.bin %> ticket resolve TKT-3f9a0c12 --notes "Reprovisioned the data bearer"'];
  static override args = { id: Args.string({ required: true, description: 'Ticket id (TKT-…)' }) };
  static override flags = { notes: Flags.string({ description: 'Resolution notes (required by ticket.resolve.requires_resolution_notes)' }) };

  protected async execute(): Promise<TicketView> {
    const { args, flags } = await this.parse(TicketResolve);
    return (await this.service(ResolveTicketCommand)).execute({ ticketId: args.id, resolutionNotes: flags.notes });
  }

  protected render(ticket: TicketView): string {
    return renderTicketMove(ticket);
  }
}
