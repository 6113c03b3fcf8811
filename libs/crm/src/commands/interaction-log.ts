import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { randomId, NotFound } from '@bss/platform';
import type { WriteScope } from '@bss/audit';
import type { InteractionDirection } from '#crm/domain/crm.values';
import { CustomerEntity } from '#crm/domain/customer.entity';
import { InteractionEntity } from '#crm/domain/interaction.entity';
import { toInteractionView, type InteractionView } from '#crm/domain/interaction.view';

export interface InteractionRecordInput {
  customerId: string;
  summary: string;
  body?: string | null;
  /** Defaults to the channel of the request doing the write. */
  channel?: string;
  direction?: InteractionDirection;
  agentId?: string | null;
  relatedCaseId?: string | null;
  relatedTicketId?: string | null;
}

/**
 * The customer's contact history. Every customer-affecting write — in CRM and in the contexts
 * above it — records one inbound line here inside its own transaction, so the history and the
 * change commit or vanish together.
 */
@Injectable()
export class InteractionLog {
  async record(w: WriteScope, input: InteractionRecordInput): Promise<InteractionView> {
    const [view] = await this.recordMany(w, [input]);
    return view as InteractionView;
  }

  /** Several lines (a renewal batch's) in one multi-row insert; NotFound if any customer is unknown. */
  async recordMany(w: WriteScope, inputs: readonly InteractionRecordInput[]): Promise<InteractionView[]> {
    if (inputs.length === 0) return [];
    const customerIds = [...new Set(inputs.map((input) => input.customerId))];
    const known = await w.tx.find(CustomerEntity, { select: { id: true }, where: { id: In(customerIds), tenantId: w.auth.tenant } });
    const knownIds = new Set(known.map((customer) => customer.id));
    const unknown = customerIds.find((id) => !knownIds.has(id));
    if (unknown) throw new NotFound('customer', unknown);
    const rows = inputs.map((input) =>
      w.tx.create(InteractionEntity, {
        id: randomId('INT'),
        customerId: input.customerId,
        channel: input.channel ?? w.auth.channel,
        direction: input.direction ?? 'inbound',
        summary: input.summary,
        body: input.body ?? null,
        agentId: input.agentId ?? null,
        relatedCaseId: input.relatedCaseId ?? null,
        relatedTicketId: input.relatedTicketId ?? null,
        actor: w.auth.actor,
        occurredAt: w.now,
        tenantId: w.auth.tenant,
      }),
    );
    await w.tx.insert(InteractionEntity, rows);
    return rows.map(toInteractionView);
  }
}
