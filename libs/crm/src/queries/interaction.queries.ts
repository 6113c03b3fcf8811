import { Injectable } from '@nestjs/common';
import { Database, entityColumns, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { InteractionEntity } from '#crm/domain/interaction.entity';
import { toInteractionView, type InteractionView } from '#crm/domain/interaction.view';

@Injectable()
export class InteractionQueries {
  constructor(private readonly db: Database) {}

  /** Newest first; NotFound for an unknown customer. */
  async listForCustomer(customerId: string, limit = 50): Promise<InteractionView[]> {
    // One raw query: the customer's existence and its newest interactions (a 360 panel read).
    const em = this.db.manager;
    const rows = (await this.db.prepared(
      `select c.id as "customerFound", ${entityColumns(em, InteractionEntity, 'i')}
         from crm.customer c
         left join lateral (select * from crm.interaction x
                             where x.customer_id = c.id and x.tenant_id = c.tenant_id
                             order by x.occurred_at desc, x.seq desc limit $3) i on true
        where c.id = $1 and c.tenant_id = $2
        order by i.occurred_at desc, i.seq desc`,
      [customerId, currentAuth().tenant, Math.min(Math.max(limit, 1), 1000)],
    )) as (InteractionEntity & { customerFound: string })[];
    if (rows.length === 0) throw new NotFound('customer', customerId);
    return rows.filter((row) => row.id !== null).map(toInteractionView);
  }

}
