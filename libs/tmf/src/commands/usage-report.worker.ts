import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@bss/audit';
import { isBssError, randomId } from '@bss/platform';
import { SubscriptionQueries } from '@bss/subscription';
import { UsageReportEntity, UsageReportRequestEntity, type UsageReportSnapshot } from '#tmf/domain/usage-report.entity';

/** Usage events read into one report (the most the usage query pages): enough for a period's count. */
const USAGE_EVENTS_READ = 1000;

/**
 * The job behind a report request: computes the line's report over the requested period (balances as
 * they are now, the period's usage events summed per allowance), stores it and marks the request
 * done in one transaction. A line that is gone marks the request failed instead of retrying.
 */
@Injectable()
export class UsageReportWorker {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lines: SubscriptionQueries,
  ) {}

  async run(requestId: string): Promise<'done' | 'failed' | 'gone'> {
    return this.uow.run(async (w) => {
      const request = await w.tx.findOne(UsageReportRequestEntity, { where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
      if (!request || request.status !== 'inProgress') return 'gone';
      const periodEnd = request.periodEnd ?? w.now;
      let snapshot: UsageReportSnapshot;
      try {
        const line = await this.lines.get(request.subscriptionId);
        const usage = (await this.lines.listUsage({ subscriptionId: line.id, limit: USAGE_EVENTS_READ })).filter(
          (u) => (!request.periodStart || u.eventTime >= request.periodStart) && u.eventTime < periodEnd,
        );
        const usedInPeriod: Record<string, number> = {};
        for (const u of usage) usedInPeriod[u.eventType] = (usedInPeriod[u.eventType] ?? 0) + u.quantity;
        snapshot = { msisdn: line.msisdn, offeringId: line.offeringId, balances: line.balances.map((b) => ({ ...b })), usedInPeriod, usageEvents: usage.length };
      } catch (error) {
        // A line that is gone or unreadable will not come back by retrying; anything else (the database) is retried.
        if (!isBssError(error)) throw error;
        request.status = 'failed';
        request.failure = error.message;
        request.lastUpdate = w.now;
        await w.tx.save(request);
        await w.emit({ eventType: 'usage_report.failed', aggregateType: 'usage_report_request', aggregateId: request.id, payload: { requestId: request.id, failure: request.failure } });
        return 'failed';
      }
      const report: UsageReportEntity = {
        id: randomId('UCR'),
        tenantId: request.tenantId,
        subscriptionId: request.subscriptionId,
        customerId: request.customerId,
        periodStart: request.periodStart,
        periodEnd,
        computedAt: w.now,
        snapshot,
      };
      await w.tx.insert(UsageReportEntity, report);
      request.status = 'done';
      request.reportId = report.id;
      request.lastUpdate = w.now;
      await w.tx.save(request);
      await w.emit({ eventType: 'usage_report.computed', aggregateType: 'usage_report_request', aggregateId: request.id, payload: { requestId: request.id, reportId: report.id } });
      return 'done';
    });
  }
}
