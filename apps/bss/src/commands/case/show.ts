import { Args } from '@oclif/core';
import { CaseQueries, CustomerQueries, type CaseDetailView } from '@bss/crm';
import { renderCaseCard } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export interface CaseShowResult extends CaseDetailView {
  customerName: string;
}

export default class CaseShow extends BssCommand<CaseShowResult> {
  static override summary = 'Show a case with its tickets and notes';
  static override examples = ['<%= config.bin %> case show CASE-3f9a0c12'];
  static override args = { id: Args.string({ required: true, description: 'Case id (CASE-…)' }) };

  protected async execute(): Promise<CaseShowResult> {
    const { args } = await this.parse(CaseShow);
    const detail = await (await this.service(CaseQueries)).getDetail(args.id);
    const customer = await (await this.service(CustomerQueries)).get(detail.customerId);
    return { ...detail, customerName: customer.name };
  }

  protected render(kase: CaseShowResult): string {
    return renderCaseCard({
      id: kase.id,
      subject: kase.subject,
      state: kase.state,
      priority: kase.priority,
      customerId: kase.customerId,
      customerName: kase.customerName,
      category: kase.category,
      createdAt: kase.openedAt,
      openedBy: kase.openedByAgentId,
      tickets: kase.tickets.map((t) => ({ id: t.id, ticketType: t.ticketType, state: t.state, priority: t.priority, assignedAgentId: t.assignedToAgentId })),
      notes: kase.notes.map((n) => ({ authorId: n.authorAgentId ?? n.actor, createdAt: n.createdAt, body: n.body })),
    });
  }
}
