import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Clock, InvalidInput } from '@bss/platform';
import { SubscriptionQueries } from '@bss/subscription';
import { selectFields, tmfList, type TmfQuery, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { PartnerScope } from '#tmf-api/tmf/partner-scope';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { toUsageConsumptionReport } from './usage-consumption.mapper';

/** Usage events folded into the report description: enough to say "n events" without paging them. */
const USAGE_EVENTS_READ = 1000;

/** TMF677 Usage Consumption: a line's consumption report, computed on read from its balances. */
@Controller(TMF_BASE.usageConsumption)
export class UsageConsumptionController {
  constructor(
    private readonly lines: SubscriptionQueries,
    private readonly scope: PartnerScope,
    private readonly clock: Clock,
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
    return selectFields(await this.report(id), query);
  }

  private async report(lineId: string): Promise<TmfResource> {
    const line = await this.scope.line(lineId);
    const usage = await this.lines.listUsage({ subscriptionId: lineId, limit: USAGE_EVENTS_READ });
    const inPeriod = line.currentPeriodStart ? usage.filter((u) => u.eventTime >= line.currentPeriodStart!) : usage;
    return toUsageConsumptionReport(line, inPeriod, await this.clock.now());
  }
}
