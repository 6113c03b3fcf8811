import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { InvalidInput, NotFound } from '@bss/platform';
import { VasSubscriptionCommand, SubscriptionQueries } from '@bss/subscription';
import { created, objectBody, selectFields, tmfList, type TmfQuery, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { channelOf, parseBucketId, toBalanceTopup, toBuckets, toVasSubscriptionInput } from './prepay-balance.mapper';

/** TMF654 Prepay Balance Management: a line's allowance buckets; a top-up is a VAS purchase. */
@Controller(TMF_BASE.prepayBalance)
export class PrepayBalanceController {
  constructor(
    private readonly lines: SubscriptionQueries,
    private readonly vasSubscription: VasSubscriptionCommand,
  ) {}

  @Get('bucket')
  async listBuckets(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const productId = query['product.id'];
    if (typeof productId !== 'string') throw new InvalidInput([{ field: 'product.id', messages: ['product.id is required (the line, e.g. SUB-0001)'] }]);
    return tmfList(reply, toBuckets(await this.lines.get(productId)), query);
  }

  @Get('product/:productId/bucket')
  async listProductBuckets(@Param('productId') productId: string, @Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return tmfList(reply, toBuckets(await this.lines.get(productId)), query);
  }

  @Get('bucket/:bucketId')
  async getBucket(@Param('bucketId') id: string, @Query() query: TmfQuery) {
    return selectFields(await this.bucket(id), query);
  }

  @Get('product/:productId/bucket/:bucketId')
  async getProductBucket(@Param('productId') productId: string, @Param('bucketId') id: string, @Query() query: TmfQuery) {
    if (parseBucketId(id).subscriptionId !== productId) throw new NotFound('bucket', id, { productId });
    return selectFields(await this.bucket(id), query);
  }

  @Post('balanceTopup')
  async topUp(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(reply, await this.runTopUp(objectBody(body)));
  }

  @Post(':idProduct/balanceTopup')
  async topUpProduct(@Param('idProduct') productId: string, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(reply, await this.runTopUp(objectBody(body), productId));
  }

  @Get('product/:productId/balanceTopups')
  async listTopUps(@Param('productId') productId: string, @Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const line = await this.lines.get(productId);
    const purchases = await this.lines.listVasPurchases(productId);
    return tmfList(reply, purchases.map((p) => toBalanceTopup(line, p)), query);
  }

  @Get('balanceTopup')
  async listAllTopUps(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const productId = query['product.id'];
    if (typeof productId !== 'string') throw new InvalidInput([{ field: 'product.id', messages: ['product.id is required (the line, e.g. SUB-0001)'] }]);
    return this.listTopUps(productId, query, reply);
  }

  @Get('balanceTopup/:topupId')
  async getTopUp(@Param('topupId') topupId: string, @Query() query: TmfQuery) {
    const purchase = await this.lines.getVasPurchase(topupId);
    return selectFields(toBalanceTopup(await this.lines.get(purchase.subscriptionId), purchase), query);
  }

  private async bucket(id: string): Promise<TmfResource> {
    const { subscriptionId } = parseBucketId(id);
    const bucket = toBuckets(await this.lines.get(subscriptionId)).find((b) => b.id === id);
    if (!bucket) throw new NotFound('bucket', id);
    return bucket;
  }

  private async runTopUp(body: Record<string, unknown>, productId?: string): Promise<TmfResource> {
    const result = await this.vasSubscription.execute(toVasSubscriptionInput(body, productId));
    return toBalanceTopup(result.subscription, result.vasPurchase, channelOf(body));
  }
}
