import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { NotFound } from '@bss/platform';
import { AdjustBalanceCommand, assertStatusUnchanged, SubscriptionQueries, TransferBalanceCommand, type SubscriptionView } from '@bss/subscription';
import { created, objectBody, selectFields, tmfList, type TmfQuery, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { PartnerScope } from '#tmf-api/tmf/partner-scope';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { isLineId, requestedStatus, toAdjustBalanceInput, toBalanceAdjustment, toBalanceTransfer, toTransferBalanceInput } from './balance-operations.mapper';
import { requiredQuery } from './prepay-balance.controller';

/**
 * TMF654 balance operations besides top-ups: adjustments (`subscription.adjust_balance`),
 * transfers between two lines of one customer (`subscription.transfer_balance`), and the status
 * PUTs of top-ups and transfers, which are applied when made and so only ever read `confirmed`
 * (any other status: the `*.final` rule's 422). Every line is reached through `PartnerScope`.
 */
@Controller(TMF_BASE.prepayBalance)
export class BalanceOperationsController {
  constructor(
    private readonly lines: SubscriptionQueries,
    private readonly scope: PartnerScope,
    private readonly adjustBalance: AdjustBalanceCommand,
    private readonly transferBalance: TransferBalanceCommand,
  ) {}

  @Post('balanceAdjustment')
  @TmfOperation('CreateAdjustment')
  async adjust(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(reply, await this.runAdjustment(objectBody(body)));
  }

  @Post('product/:productId/balanceAdjustment')
  @TmfOperation('CreateAdjustmentProduct')
  async adjustProduct(@Param('productId') productId: string, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(reply, await this.runAdjustment(objectBody(body), productId));
  }

  @Get('balanceAdjustment')
  @TmfOperation('retrieveAdjustmentOperations')
  async listAdjustments(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const { ['product.id']: _line, ...filters } = query;
    return this.adjustments(requiredQuery(query, 'product.id', 'the line, e.g. SUB-0001'), filters, reply);
  }

  @Get('product/:productId/balanceAdjustment')
  @TmfOperation('retrieveAdjustmentOperationsProduct')
  async listProductAdjustments(@Param('productId') productId: string, @Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.adjustments(productId, query, reply);
  }

  @Get('balanceAdjustment/:adjustmentId')
  @TmfOperation('retrieveAdjustment')
  async getAdjustment(@Param('adjustmentId') id: string, @Query() query: TmfQuery) {
    const { adjustment, line } = await this.scope.adjustment(id);
    return selectFields(toBalanceAdjustment(line, adjustment), query);
  }

  @Get('product/:productId/balanceAdjustment/:adjustmentId')
  @TmfOperation('retrieveAdjustmentProduct')
  async getProductAdjustment(@Param('productId') productId: string, @Param('adjustmentId') id: string, @Query() query: TmfQuery) {
    const { adjustment, line } = await this.scope.adjustment(id);
    if (adjustment.subscriptionId !== productId) throw new NotFound('balance_adjustment', id, { productId });
    return selectFields(toBalanceAdjustment(line, adjustment), query);
  }

  @Post('balanceTransfer')
  @TmfOperation('createTransfer')
  async transfer(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(reply, await this.runTransfer(objectBody(body)));
  }

  @Post(':productId/balanceTransfer')
  @TmfOperation('createTransferProduct')
  async transferProduct(@Param('productId') productId: string, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(reply, await this.runTransfer(objectBody(body), productId));
  }

  @Get('balanceTransfer')
  @TmfOperation('retrieveTransferOperations')
  async listTransfers(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const { ['product.id']: _line, ...filters } = query;
    return this.transfers(requiredQuery(query, 'product.id', 'the line, e.g. SUB-0001'), filters, reply);
  }

  @Get('product/:productId/balanceTransfer')
  @TmfOperation('retrieveTransferOperationsProduct')
  async listProductTransfers(@Param('productId') productId: string, @Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.transfers(productId, query, reply);
  }

  @Get('balanceTransfer/:transferId')
  @TmfOperation('retrieveTransferInformation')
  async getTransfer(@Param('transferId') id: string, @Query() query: TmfQuery) {
    const { transfer, line } = await this.scope.transfer(id);
    return selectFields(toBalanceTransfer(line, transfer), query);
  }

  /** The official document answers the whole BalanceTransferRequest here too. */
  @Get('balanceTransfer/:transferId/status')
  @TmfOperation('retrieveTransferStatus')
  async getTransferStatus(@Param('transferId') id: string, @Query() query: TmfQuery) {
    return this.getTransfer(id, query);
  }

  @Put('balanceTransfer/:transferId/status')
  @HttpCode(204)
  @TmfOperation('ModifyTransferStatus')
  async setTransferStatus(@Param('transferId') id: string, @Body() body: unknown): Promise<void> {
    const status = requestedStatus(objectBody(body));
    await this.scope.transfer(id);
    assertStatusUnchanged('balance_transfer', id, status);
  }

  @Put('balanceTopup/:topupId/status')
  @HttpCode(204)
  @TmfOperation('ModifyTopupStatus')
  async setTopUpStatus(@Param('topupId') topupId: string, @Body() body: unknown): Promise<void> {
    const status = requestedStatus(objectBody(body));
    await this.scope.topUp(topupId);
    assertStatusUnchanged('vas_purchase', topupId, status);
  }

  @Put('product/:productId/balanceTopup/:topupId/status')
  @HttpCode(204)
  @TmfOperation('ModifyTopupStatusProduct')
  async setProductTopUpStatus(@Param('productId') productId: string, @Param('topupId') topupId: string, @Body() body: unknown): Promise<void> {
    const status = requestedStatus(objectBody(body));
    const { purchase } = await this.scope.topUp(topupId);
    if (purchase.subscriptionId !== productId) throw new NotFound('balance_topup', topupId, { productId });
    assertStatusUnchanged('vas_purchase', topupId, status);
  }

  private async adjustments(productId: string, query: TmfQuery, reply: FastifyReply) {
    const line = await this.scope.line(productId);
    return tmfList(reply, (await this.lines.listAdjustments(productId)).map((a) => toBalanceAdjustment(line, a)), query);
  }

  /** What the line gave and what it received, newest first. */
  private async transfers(productId: string, query: TmfQuery, reply: FastifyReply) {
    const line = await this.scope.line(productId);
    const transfers = await this.lines.listTransfers(productId);
    const givers = new Map<string, Promise<SubscriptionView>>([[line.id, Promise.resolve(line)]]);
    const giver = (id: string) => givers.get(id) ?? givers.set(id, this.lines.get(id)).get(id)!;
    return tmfList(reply, await Promise.all(transfers.map(async (t) => toBalanceTransfer(await giver(t.fromSubscriptionId), t))), query);
  }

  private async runAdjustment(body: Record<string, unknown>, productId?: string): Promise<TmfResource> {
    const input = toAdjustBalanceInput(body, productId);
    await this.scope.line(input.subscriptionId);
    const result = await this.adjustBalance.execute(input);
    return toBalanceAdjustment(result.subscription, result.adjustment);
  }

  /** A foreign MSISDN answers exactly as an unknown one (never with the line id behind it). */
  private async lineByMsisdn(msisdn: string): Promise<SubscriptionView> {
    const line = await this.lines.getByMsisdn(msisdn);
    try {
      return await this.scope.line(line.id);
    } catch (error) {
      if (error instanceof NotFound) throw new NotFound('subscription', msisdn, { msisdn });
      throw error;
    }
  }

  private async runTransfer(body: Record<string, unknown>, productId?: string): Promise<TmfResource> {
    const { target, ...input } = toTransferBalanceInput(body, productId);
    await this.scope.line(input.fromSubscriptionId);
    const receiver = isLineId(target) ? await this.scope.line(target) : await this.lineByMsisdn(target);
    const result = await this.transferBalance.execute({ ...input, toSubscriptionId: receiver.id });
    return toBalanceTransfer(result.from, result.transfer);
  }
}
