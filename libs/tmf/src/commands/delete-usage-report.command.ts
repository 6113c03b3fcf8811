import { Injectable } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { UsageReportEntity } from '#tmf/domain/usage-report.entity';

export class DeleteUsageReportInput {
  @IsString()
  @Matches(/^UCR-[0-9a-f]{8}$/, { message: "only a stored report (UCR-…, made by a report request) can be deleted; a line's report (its SUB-… id) is computed on read" })
  reportId!: string;
}

/** TMF677 `DELETE usageConsumptionReport/{id}`: erases a stored report snapshot; the line's usage stays. */
@Verb({ name: 'usage_report.delete', input: DeleteUsageReportInput, summary: 'Delete a stored usage consumption report (a snapshot made by a report request)', destructive: true, cliExempt: 'stored reports belong to the partner that requested them over TMF677' })
@Injectable()
export class DeleteUsageReportCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: DeleteUsageReportInput): Promise<{ reportId: string }> {
    const dto = await validateInput(DeleteUsageReportInput, input);
    return this.uow.run(async (w) => {
      const report = await w.tx.findOneBy(UsageReportEntity, { id: dto.reportId, tenantId: w.auth.tenant });
      if (!report) throw new NotFound('usage_consumption_report', dto.reportId);
      await w.tx.delete(UsageReportEntity, { id: report.id });
      await w.emit({ eventType: 'usage_report.deleted', aggregateType: 'usage_report', aggregateId: report.id, payload: { reportId: report.id, subscriptionId: report.subscriptionId } });
      return { reportId: report.id };
    });
  }
}
