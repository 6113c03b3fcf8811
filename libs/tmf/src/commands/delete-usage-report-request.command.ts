import { Injectable } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { UsageReportRequestEntity } from '#tmf/domain/usage-report.entity';

export class DeleteUsageReportRequestInput {
  @IsString() @Matches(/^UCRR-[0-9a-f]{8}$/, { message: 'requestId must be UCRR-<8 hex>' }) requestId!: string;
}

/**
 * TMF677 `DELETE usageConsumptionReportRequest/{id}`: forgets the request; one still in progress is
 * dropped (its job finds nothing to do). The report it produced stays until deleted on its own.
 */
@Verb({ name: 'usage_report.delete_request', input: DeleteUsageReportRequestInput, summary: 'Delete a usage consumption report request (its report stays)', destructive: true, cliExempt: 'report requests belong to the partner that made them over TMF677' })
@Injectable()
export class DeleteUsageReportRequestCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: DeleteUsageReportRequestInput): Promise<{ requestId: string }> {
    const dto = await validateInput(DeleteUsageReportRequestInput, input);
    return this.uow.run(async (w) => {
      const request = await w.tx.findOne(UsageReportRequestEntity, { where: { id: dto.requestId, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw new NotFound('usage_consumption_report_request', dto.requestId);
      await w.tx.delete(UsageReportRequestEntity, { id: request.id });
      await w.emit({ eventType: 'usage_report.request_deleted', aggregateType: 'usage_report_request', aggregateId: request.id, payload: { requestId: request.id, status: request.status } });
      return { requestId: request.id };
    });
  }
}
