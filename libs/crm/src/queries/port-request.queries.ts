import { Injectable } from '@nestjs/common';
import { Database, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import type { PortDirection } from '#crm/domain/crm.values';
import { PortRequestEntity } from '#crm/domain/port-request.entity';
import type { PortRequestState } from '#crm/domain/port-request.state';
import { toPortRequestView, type PortRequestView } from '#crm/domain/port-request.view';
import { compactWhere } from './where.util';

export interface PortRequestListFilter {
  state?: PortRequestState;
  direction?: PortDirection;
  limit?: number;
}

@Injectable()
export class PortRequestQueries {
  constructor(private readonly db: Database) {}

  async get(portRequestId: string): Promise<PortRequestView> {
    const row = await this.db.manager.findOne(PortRequestEntity, { where: { id: portRequestId, tenantId: currentAuth().tenant } });
    if (!row) throw new NotFound('port request', portRequestId);
    return toPortRequestView(row);
  }

  /** Newest first. */
  async list(filter: PortRequestListFilter = {}): Promise<PortRequestView[]> {
    const rows = await this.db.manager.find(PortRequestEntity, {
      where: compactWhere({ tenantId: currentAuth().tenant, state: filter.state, direction: filter.direction }),
      order: { createdAt: 'DESC', seq: 'DESC' },
      take: Math.min(Math.max(filter.limit ?? 50, 1), 1000),
    });
    return rows.map(toPortRequestView);
  }
}
