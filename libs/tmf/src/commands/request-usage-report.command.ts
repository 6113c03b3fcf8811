import { Injectable } from '@nestjs/common';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { InvalidInput, parseInstant, randomId, validateInput, Verb } from '@bss/platform';
import { SubscriptionQueries } from '@bss/subscription';
import { UsageReportRequestEntity } from '#tmf/domain/usage-report.entity';
import { toUsageReportRequestView, type UsageReportRequestView } from '#tmf/queries/usage-report.queries';
import { TMF_QUEUES } from '#tmf/tmf.errors';

export class RequestUsageReportInput {
  @IsString() @Matches(/^SUB-[0-9A-Za-z-]+$/, { message: 'subscriptionId must be a SUB-… line id' }) subscriptionId!: string;
  /** Default: the line's current period start. */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'periodStart must be an ISO-8601 date-time' }) periodStart?: string;
  /** Exclusive; default: when the report is computed. */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'periodEnd must be an ISO-8601 date-time' }) periodEnd?: string;
}

/** The job that computes one requested report. */
export interface UsageReportJob {
  requestId: string;
  tenant: string;
}

/**
 * TMF677 `POST usageConsumptionReportRequest`: records the request (inProgress) and enqueues the job
 * that computes the report of the line over the period and stores it (UsageReportWorker).
 */
@Verb({
  name: 'usage_report.request',
  input: RequestUsageReportInput,
  summary: "Request a line's usage consumption report over a period; a job computes and stores it",
  cliExempt: 'partners request reports over TMF677; operators read usage with bss subscription show',
})
@Injectable()
export class RequestUsageReportCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lines: SubscriptionQueries,
  ) {}

  async execute(input: RequestUsageReportInput): Promise<UsageReportRequestView> {
    const dto = await validateInput(RequestUsageReportInput, input);
    const periodStart = dto.periodStart ? parseInstant(dto.periodStart, 'periodStart') : null;
    const periodEnd = dto.periodEnd ? parseInstant(dto.periodEnd, 'periodEnd') : null;
    if (periodStart && periodEnd && periodEnd.getTime() <= periodStart.getTime()) throw new InvalidInput([{ field: 'periodEnd', messages: ['periodEnd must be after periodStart'] }]);
    const line = await this.lines.get(dto.subscriptionId);
    return this.uow.run(async (w) => {
      const request: UsageReportRequestEntity = {
        id: randomId('UCRR'),
        tenantId: w.auth.tenant,
        serviceIdentity: w.auth.serviceIdentity,
        subscriptionId: line.id,
        customerId: line.customerId,
        periodStart: periodStart ?? line.currentPeriodStart,
        periodEnd,
        status: 'inProgress',
        reportId: null,
        failure: null,
        createdAt: w.now,
        lastUpdate: w.now,
      };
      await w.tx.insert(UsageReportRequestEntity, request);
      await w.enqueue(TMF_QUEUES.usageReport, { requestId: request.id, tenant: request.tenantId } satisfies UsageReportJob);
      await w.emit({ eventType: 'usage_report.requested', aggregateType: 'usage_report_request', aggregateId: request.id, payload: { requestId: request.id, subscriptionId: line.id } });
      return toUsageReportRequestView(request);
    });
  }
}
