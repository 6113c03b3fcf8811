import { Injectable } from '@nestjs/common';
import { Database, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { CustomerEntity } from '#crm/domain/customer.entity';
import { InteractionEntity } from '#crm/domain/interaction.entity';
import { toInteractionView, type InteractionView } from '#crm/domain/interaction.view';

@Injectable()
export class InteractionQueries {
  constructor(private readonly db: Database) {}

  /** Newest first; NotFound for an unknown customer. */
  async listForCustomer(customerId: string, limit = 50): Promise<InteractionView[]> {
    const tenantId = currentAuth().tenant;
    const exists = await this.db.manager.exists(CustomerEntity, { where: { id: customerId, tenantId } });
    if (!exists) throw new NotFound('customer', customerId);
    const rows = await this.db.manager.find(InteractionEntity, {
      where: { customerId, tenantId },
      order: { occurredAt: 'DESC', seq: 'DESC' },
      take: Math.min(Math.max(limit, 1), 1000),
    });
    return rows.map(toInteractionView);
  }
}
