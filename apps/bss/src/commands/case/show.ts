import { Args } from '@oclif/core';
import { CaseQueries, CustomerQueries, type CaseDetailView } from '@bss/crm';
import { renderCaseCard } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export interface CaseShowResult extends CaseDetailView {
  customerName: string;
  /** The chat transcript a chat escalation filed, re-hashed on read; null for other cases. */
  transcript: { hash: string; verified: boolean; recordedAt: Date; body: string } | null;
}

export default class CaseShow extends BssCommand<CaseShowResult> {
  static override summary = 'Show a case with its tickets and notes';
  static override examples = ['<%= config.bin %> case show CASE-3f9a0c12'];
  static override args = { id: Args.string({ required: true, description: 'Case id (CASE-…)' }) };

  protected async execute(): Promise<CaseShowResult> {
    const { args } = await this.parse(CaseShow);
    const cases = await this.service(CaseQueries);
    const detail = await cases.getDetail(args.id);
    const customer = await (await this.service(CustomerQueries)).get(detail.customerId);
    const transcript = await cases.transcriptFor(args.id);
    return {
      ...detail,
      customerName: customer.name,
      transcript: transcript ? { hash: transcript.hash, verified: transcript.verified, recordedAt: transcript.recordedAt, body: transcript.body } : null,
    };
  }

  protected render(kase: CaseShowResult): string {
    const card = renderCaseCard({
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
    if (!kase.transcript) return card;
    // The hash is recomputed on every read: an edited transcript says so instead of passing as the original.
    const seal = kase.transcript.verified ? 'verified' : 'HASH MISMATCH — the stored text is not what was filed';
    return [card, '', `── Chat transcript  sha256 ${kase.transcript.hash}  [${seal}]`, kase.transcript.body].join('\n');
  }
}
