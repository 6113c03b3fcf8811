import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { InvalidInput, NotFound } from '@bss/platform';
import { VasSubscriptionCommand, SubscriptionQueries } from '@bss/subscription';
import { created, objectBody, selectFields, tmfList, type TmfQuery, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { PartnerScope } from '#tmf-api/tmf/partner-scope';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { channelOf, parseBucketId, toAccumulatedBalance, toBalanceActivities, toBalanceTopup, toBalanceTopupStatus, toBuckets, toVasSubscriptionInput } from './prepay-balance.mapper';

/** Usage events read into a balance activity list: the newest, like the usage report. */
const USAGE_EVENTS_READ = 1000;

/** A query parameter the official operation requires, or the 400 naming it. */
export function requiredQuery(query: TmfQuery, key: string, what: string): string {
  const value = query[key];
  if (typeof value !== 'string' || value === '') throw new InvalidInput([{ field: key, messages: [`${key} is required (${what})`] }]);
  return value;
}

/** TMF654 Prepay Balance Management: a line's allowance buckets; a top-up is a VAS purchase. */
@Controller(TMF_BASE.prepayBalance)
export class PrepayBalanceController {
  constructor(
    private readonly lines: SubscriptionQueries,
    private readonly scope: PartnerScope,
    private readonly vasSubscription: VasSubscriptionCommand,
  ) {}

  @Get('bucket')
  @TmfOperation('retrieveBuckets')
  async listBuckets(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return tmfList(reply, toBuckets(await this.scope.line(requiredQuery(query, 'product.id', 'the line, e.g. SUB-0001'))), query);
  }

  @Get('product/:productId/bucket')
  @TmfOperation('retrieveBucketsOfProduct')
  async listProductBuckets(@Param('productId') productId: string, @Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return tmfList(reply, toBuckets(await this.scope.line(productId)), query);
  }

  @Get('bucket/:bucketId')
  @TmfOperation('retrieveBucket')
  async getBucket(@Param('bucketId') id: string, @Query() query: TmfQuery) {
    return selectFields(await this.bucket(id), query);
  }

  @Get('product/:productId/bucket/:bucketId')
  @TmfOperation('retrieveBucketofproduct')
  async getProductBucket(@Param('productId') productId: string, @Param('bucketId') id: string, @Query() query: TmfQuery) {
    if (parseBucketId(id).subscriptionId !== productId) throw new NotFound('bucket', id, { productId });
    return selectFields(await this.bucket(id), query);
  }

  @Post('balanceTopup')
  @TmfOperation('createNewTopup')
  async topUp(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(reply, await this.runTopUp(objectBody(body)));
  }

  @Post(':idProduct/balanceTopup')
  @TmfOperation('createNewTopupOfProduct')
  async topUpProduct(@Param('idProduct') productId: string, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(reply, await this.runTopUp(objectBody(body), productId));
  }

  @Get('product/:productId/balanceTopups')
  @TmfOperation('retrieveTopupByProduct')
  async listTopUps(@Param('productId') productId: string, @Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const line = await this.scope.line(productId);
    const purchases = await this.lines.listVasPurchases(productId);
    return tmfList(reply, purchases.map((p) => toBalanceTopup(line, p)), query);
  }

  @Get('balanceTopup')
  @TmfOperation('retrieveListTopUpOperations')
  async listAllTopUps(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.listTopUps(requiredQuery(query, 'product.id', 'the line, e.g. SUB-0001'), query, reply);
  }

  @Get('balanceTopup/:topupId')
  @TmfOperation('retrieveTopup')
  async getTopUp(@Param('topupId') topupId: string, @Query() query: TmfQuery) {
    const { purchase, line } = await this.scope.topUp(topupId);
    return selectFields(toBalanceTopup(line, purchase), query);
  }

  @Get('balanceTopup/:topupId/status')
  @TmfOperation('retrieveTopupStatus')
  async getTopUpStatus(@Param('topupId') topupId: string) {
    return toBalanceTopupStatus((await this.scope.topUp(topupId)).purchase);
  }

  @Get('product/:productId/balanceTopup/:topupId/status')
  @TmfOperation('retrieveTopupStatusProduct')
  async getProductTopUpStatus(@Param('productId') productId: string, @Param('topupId') topupId: string) {
    const { purchase } = await this.scope.topUp(topupId);
    if (purchase.subscriptionId !== productId) throw new NotFound('balance_topup', topupId, { productId });
    return toBalanceTopupStatus(purchase);
  }

  /** `?name=data&product.id=SUB-0001`: the line's buckets of that allowance, summed. */
  @Get('accumulatedbalance')
  @TmfOperation('retrieveAccumulatedBalance')
  async accumulatedBalance(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.accumulated(requiredQuery(query, 'product.id', 'the line, e.g. SUB-0001'), query, reply);
  }

  @Get('accumulatedbalance/:productId')
  @TmfOperation('retrieveAccumulatedBalanceOfProduct')
  async accumulatedBalanceOfProduct(@Param('productId') productId: string, @Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.accumulated(productId, query, reply);
  }

  /** `?prod.id=SUB-0001[&type=topup|usage]` (the official document names the line `prod.id` here). */
  @Get('balanceActivity')
  @TmfOperation('retrieveBalanceActivityOfProduct')
  async balanceActivity(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const { ['prod.id']: _line, ...filters } = query;
    return this.activities(requiredQuery(query, 'prod.id', 'the line, e.g. SUB-0001'), filters, reply);
  }

  @Get('product/:productId/balanceActivity')
  @TmfOperation('retrieveBalanceActivityProduct')
  async productBalanceActivity(@Param('productId') productId: string, @Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.activities(productId, query, reply);
  }

  private async activities(productId: string, query: TmfQuery, reply: FastifyReply) {
    const line = await this.scope.line(productId);
    const [purchases, usage] = await Promise.all([this.lines.listVasPurchases(productId), this.lines.listUsage({ subscriptionId: productId, limit: USAGE_EVENTS_READ })]);
    return tmfList(reply, toBalanceActivities(line, purchases, usage), query);
  }

  private async accumulated(productId: string, query: TmfQuery, reply: FastifyReply): Promise<TmfResource> {
    const name = requiredQuery(query, 'name', 'the allowance to sum, e.g. data, voice or sms');
    const balance = toAccumulatedBalance(await this.scope.line(productId), name);
    if (!balance) throw new NotFound('accumulated_balance', name, { productId });
    void reply.header('X-Total-Count', '1');
    return balance;
  }

  private async bucket(id: string): Promise<TmfResource> {
    const { subscriptionId } = parseBucketId(id);
    const bucket = toBuckets(await this.scope.line(subscriptionId)).find((b) => b.id === id);
    if (!bucket) throw new NotFound('bucket', id);
    return bucket;
  }

  private async runTopUp(body: Record<string, unknown>, productId?: string): Promise<TmfResource> {
    const input = toVasSubscriptionInput(body, productId);
    await this.scope.line(input.subscriptionId);
    const result = await this.vasSubscription.execute(input);
    return toBalanceTopup(result.subscription, result.vasPurchase, channelOf(body));
  }
}
