import { Injectable } from '@nestjs/common';
import { Database } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { OperatorEntity } from '#identity/domain/operator.entity';
import type { OperatorView } from '#identity/domain/operator.values';

export function toOperatorView(o: OperatorEntity): OperatorView {
  return { id: o.id, email: o.email, name: o.name, role: o.role, status: o.status, createdAt: o.createdAt, disabledAt: o.disabledAt };
}

@Injectable()
export class OperatorQueries {
  constructor(private readonly db: Database) {}

  /** Every operator, oldest first (the list is short: a team, not a customer base). */
  async list(): Promise<OperatorView[]> {
    const rows = await this.db.manager.find(OperatorEntity, { where: { tenantId: currentAuth().tenant }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toOperatorView);
  }
}
