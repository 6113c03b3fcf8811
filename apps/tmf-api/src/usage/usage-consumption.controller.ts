import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Clock, InvalidInput, NotFound } from '@bss/platform';
import { SubscriptionQueries } from '@bss/subscription';
import { DeleteUsageReportCommand, DeleteUsageReportRequestCommand, PartnerEntitlements, RequestUsageReportCommand, UsageReportQueries } from '@bss/tmf';
import { created, objectBody, selectFields, tmfList, type TmfQuery, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { PartnerScope } from '#tmf-api/tmf/partner-scope';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { toRequestUsageReportInput, toStoredUsageConsumptionReport, toUsageConsumptionReport, toUsageConsumptionReportRequest } from './usage-consumption.mapper';

/** Stored reports (made by report requests) are UCR-…; any other report id is a line's, computed on read. */
const STORED_REPORT = /^UCR-/;

/** Usage events folded into the report description: enough to say "n events" without paging them. */
const USAGE_EVENTS_READ = 1000;

/**
 * TMF677 Usage Consumption: a line's consumption report, computed on read from its balances, and
 * asynchronous report requests whose job stores a report snapshot (deletable, like the request).
 */
@Controller(TMF_BASE.usageConsumption)
export class UsageConsumptionController {
  constructor(
    private readonly lines: SubscriptionQueries,
    private readonly scope: PartnerScope,
    private readonly clock: Clock,
    private readonly entitlements: PartnerEntitlements,
    private readonly reports: UsageReportQueries,
    private readonly requestReport: RequestUsageReportCommand,
    private readonly deleteReport: DeleteUsageReportCommand,
    private readonly deleteRequest: DeleteUsageReportRequestCommand,
  ) {}

  /** `?bucket.product.id=SUB-0001` (or `?id=`): one report per line; a line must be named. */
  @Get('usageConsumptionReport')
  @TmfOperation('listUsageConsumptionReport')
  async list(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const lineId = query['bucket.product.id'] ?? query['product.id'] ?? query.id;
    if (typeof lineId !== 'string') throw new InvalidInput([{ field: 'bucket.product.id', messages: ['name the line: bucket.product.id=SUB-0001'] }]);
    const { ['product.id']: _ignored, ...filters } = query;
    return tmfList(reply, [await this.report(lineId)], filters);
  }

  @Get('usageConsumptionReport/:id')
  @TmfOperation('retrieveUsageConsumptionReport')
  async get(@Param('id') id: string, @Query() query: TmfQuery) {
    if (STORED_REPORT.test(id)) return selectFields(toStoredUsageConsumptionReport(await this.storedReport(id)), query);
    return selectFields(await this.report(id), query);
  }

  /** Deletes a stored report (usage_report.delete); a line's report (SUB-…) is computed on read: 400 says so. */
  @Delete('usageConsumptionReport/:id')
  @TmfOperation('deleteUsageConsumptionReport')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    if (STORED_REPORT.test(id)) await this.storedReport(id);
    await this.deleteReport.execute({ reportId: id });
  }

  /** usage_report.request for a line of the partner's (else the 404 an unknown line gets); a job computes and stores the report. */
  @Post('usageConsumptionReportRequest')
  @TmfOperation('createUsageConsumptionReportRequest')
  async createRequest(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const input = toRequestUsageReportInput(objectBody(body));
    if (typeof input.subscriptionId !== 'string') throw new InvalidInput([{ field: 'product.id', messages: ['name the line: product.id=SUB-…'] }]);
    await this.scope.line(input.subscriptionId);
    return created(reply, toUsageConsumptionReportRequest(await this.requestReport.execute(input)));
  }

  @Get('usageConsumptionReportRequest')
  @TmfOperation('listUsageConsumptionReportRequest')
  async listRequests(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const customers = await this.entitlements.customerIds();
    const requests = customers !== 'all' && customers.length === 0 ? [] : await this.reports.listRequests(customers);
    return tmfList(reply, requests.map(toUsageConsumptionReportRequest), query);
  }

  @Get('usageConsumptionReportRequest/:id')
  @TmfOperation('retrieveUsageConsumptionReportRequest')
  async getRequest(@Param('id') id: string, @Query() query: TmfQuery) {
    return selectFields(toUsageConsumptionReportRequest(await this.ownRequest(id)), query);
  }

  /** usage_report.delete_request; the report it produced stays. */
  @Delete('usageConsumptionReportRequest/:id')
  @TmfOperation('deleteUsageConsumptionReportRequest')
  @HttpCode(204)
  async removeRequest(@Param('id') id: string): Promise<void> {
    await this.ownRequest(id);
    await this.deleteRequest.execute({ requestId: id });
  }

  /** A request of one of the partner's customers, or the NotFound an unknown id gets. */
  private async ownRequest(id: string) {
    const request = await this.reports.getRequest(id);
    await this.entitlements.assertCustomer(request.customerId, () => new NotFound('usage_consumption_report_request', id));
    return request;
  }

  private async storedReport(id: string) {
    const report = await this.reports.getReport(id);
    await this.entitlements.assertCustomer(report.customerId, () => new NotFound('usage_consumption_report', id));
    return report;
  }

  private async report(lineId: string): Promise<TmfResource> {
    const line = await this.scope.line(lineId);
    const usage = await this.lines.listUsage({ subscriptionId: lineId, limit: USAGE_EVENTS_READ });
    const inPeriod = line.currentPeriodStart ? usage.filter((u) => u.eventTime >= line.currentPeriodStart!) : usage;
    return toUsageConsumptionReport(line, inPeriod, await this.clock.now());
  }
}
