import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { UsageReportEntity, UsageReportRequestEntity, type UsageReportRequestStatus, type UsageReportSnapshot } from '#tmf/domain/usage-report.entity';

export interface UsageReportRequestView {
  id: string;
  subscriptionId: string;
  customerId: string;
  periodStart: Date | null;
  periodEnd: Date | null;
  status: UsageReportRequestStatus;
  reportId: string | null;
  failure: string | null;
  createdAt: Date;
  lastUpdate: Date;
}

export interface UsageReportView {
  id: string;
  subscriptionId: string;
  customerId: string;
  periodStart: Date | null;
  periodEnd: Date | null;
  computedAt: Date;
  snapshot: UsageReportSnapshot;
}

export function toUsageReportRequestView(r: UsageReportRequestEntity): UsageReportRequestView {
  return {
    id: r.id,
    subscriptionId: r.subscriptionId,
    customerId: r.customerId,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    status: r.status,
    reportId: r.reportId,
    failure: r.failure,
    createdAt: r.createdAt,
    lastUpdate: r.lastUpdate,
  };
}

const LIST_CAP = 1000;

/** Report requests and stored reports of the caller's tenant; `customerIds` narrows to a partner's customers. */
@Injectable()
export class UsageReportQueries {
  constructor(private readonly db: Database) {}

  async getRequest(id: string): Promise<UsageReportRequestView> {
    const row = await this.db.manager.findOneBy(UsageReportRequestEntity, { id, tenantId: currentAuth().tenant });
    if (!row) throw new NotFound('usage_consumption_report_request', id);
    return toUsageReportRequestView(row);
  }

  async listRequests(customerIds: 'all' | readonly string[]): Promise<UsageReportRequestView[]> {
    const rows = await this.db.manager.find(UsageReportRequestEntity, {
      where: { tenantId: currentAuth().tenant, ...(customerIds === 'all' ? {} : { customerId: In([...customerIds]) }) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: LIST_CAP,
    });
    return rows.map(toUsageReportRequestView);
  }

  async getReport(id: string): Promise<UsageReportView> {
    const row = await this.db.manager.findOneBy(UsageReportEntity, { id, tenantId: currentAuth().tenant });
    if (!row) throw new NotFound('usage_consumption_report', id);
    const { tenantId: _tenant, ...view } = row;
    return view;
  }
}
