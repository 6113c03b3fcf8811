import { Flags } from '@oclif/core';
import { OpenTicketCommand, PRIORITIES, TICKET_TYPES, type Priority, type TicketType, type TicketView } from '@bss/crm';
import { formatMinute } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class TicketOpen extends BssCommand<TicketView> {
  static override summary = 'Open a trouble ticket (under a case, or for a customer); its SLA due date follows the type and priority';
  static override examples = [
    '<%= config.bin %> ticket open --type service_outage --subject "No data" --case CASE-3f9a0c12 --priority high',
    '<%= config.bin %> ticket open --type billing_dispute --subject "Charged twice" --customer CUST-3f9a0c12',
  ];
  static override flags = {
    type: Flags.string({ description: 'Ticket type (default information_request)', options: [...TICKET_TYPES] }),
    subject: Flags.string({ description: 'What is wrong', required: true }),
    description: Flags.string({ description: 'Longer description' }),
    case: Flags.string({ description: 'Parent case (CASE-…); the customer defaults to the case’s' }),
    customer: Flags.string({ description: 'Customer (CUST-…)' }),
    priority: Flags.string({ description: 'Priority (default normal)', options: [...PRIORITIES] }),
    agent: Flags.string({ description: 'Assignee (AGT-…)' }),
  };

  protected async execute(): Promise<TicketView> {
    const { flags } = await this.parse(TicketOpen);
    return (await this.service(OpenTicketCommand)).execute({
      ticketType: flags.type as TicketType | undefined,
      subject: flags.subject,
      description: flags.description,
      caseId: flags.case,
      customerId: flags.customer,
      priority: flags.priority as Priority | undefined,
      assignedToAgentId: flags.agent,
    });
  }

  protected render(ticket: TicketView): string {
    const sla = ticket.slaDueAt ? `  SLA due ${formatMinute(ticket.slaDueAt)}` : '';
    return `Opened ${ticket.id} ${ticket.ticketType} [${ticket.state}]${sla}`;
  }
}
