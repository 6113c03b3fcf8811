import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CancelOrderCommand, CreateOrderCommand } from '@bss/orders';
import { InvalidInput } from '@bss/platform';
import { created, objectBody, selectFields, tmfList, type TmfQuery } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { PartnerScope } from '#tmf-api/tmf/partner-scope';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { toCreateOrderInput, toProductOrder } from './product-order.mapper';

/** TMF622 Product Ordering: place (create + submit) an order for an existing customer with a card on file. */
@Controller(TMF_BASE.productOrdering)
export class ProductOrderingController {
  constructor(
    private readonly scope: PartnerScope,
    private readonly createOrder: CreateOrderCommand,
    private readonly cancelOrder: CancelOrderCommand,
  ) {}

  @Get('productOrder')
  @TmfOperation('productOrderFind')
  async list(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return tmfList(reply, (await this.scope.listOrders()).map(toProductOrder), query);
  }

  @Get('productOrder/:productOrderId')
  @TmfOperation('productOrderGet')
  async get(@Param('productOrderId') id: string, @Query() query: TmfQuery) {
    return selectFields(toProductOrder(await this.scope.order(id)), query);
  }

  @Post('productOrder')
  @TmfOperation('productOrderCreate')
  async create(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const input = toCreateOrderInput(objectBody(body));
    // An order for a customer the partner did not bring is refused like one for an unknown customer.
    if (typeof input.customerId === 'string') await this.scope.assertCustomer(input.customerId);
    return created(reply, toProductOrder(await this.createOrder.execute(input)));
  }

  /** The one patch TMF622 clients send us: `{"state": "cancelled"}` (order.cancel, where policy allows). */
  @Patch('productOrder/:productOrderId')
  @TmfOperation('productOrderPatch')
  async patch(@Param('productOrderId') id: string, @Body() body: unknown) {
    const patch = objectBody(body);
    if (patch.state !== 'cancelled' || Object.keys(patch).some((k) => k !== 'state' && k !== 'cancellationReason')) {
      throw new InvalidInput([{ field: 'state', messages: ['only {"state": "cancelled"} (with an optional cancellationReason) can be patched'] }]);
    }
    const reason = typeof patch.cancellationReason === 'string' ? patch.cancellationReason : undefined;
    await this.scope.order(id);
    return toProductOrder(await this.cancelOrder.execute({ orderId: id, ...(reason ? { reason } : {}) }));
  }

  /** DELETE = cancel: an order is never erased, and the cancel policy still decides. */
  @Delete('productOrder/:productOrderId')
  @TmfOperation('productOrderDelete')
  @HttpCode(204)
  async remove(@Param('productOrderId') id: string): Promise<void> {
    await this.scope.order(id);
    await this.cancelOrder.execute({ orderId: id });
  }
}
