import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CancelOrderCommand, OrderQueries } from '@bss/orders';
import { assertServiceOrderPatchChangesNothing, refuseServiceOrderCreate } from '@bss/tmf';
import { objectBody, selectFields, tmfList, type TmfQuery } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { PartnerScope } from '#tmf-api/tmf/partner-scope';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { serviceOrderBody, toServiceOrder } from './service-order.mapper';

/** Default page when a partner lists service orders without `limit`: each one is a tree read. */
const DEFAULT_SERVICE_ORDER_SCAN = 100;

/**
 * TMF641 Service Ordering. Service orders are SOM's decomposition of a product order, so the
 * writes map onto what that means: POST validates the body and answers
 * `service_order.create.created_by_som` (422: order a product over TMF622 instead); PATCH is a
 * merge-patch that may only restate the service order (200, a no-op; a change answers
 * `service_order.patch.managed_by_som`); DELETE cancels the owning product order through
 * `order.cancel` (204), which its policy refuses once SOM has started (422 with that rule).
 */
@Controller(TMF_BASE.serviceOrdering)
export class ServiceOrderingController {
  constructor(
    private readonly orders: OrderQueries,
    private readonly scope: PartnerScope,
    private readonly cancelOrder: CancelOrderCommand,
  ) {}

  @Post('serviceOrder')
  @TmfOperation('serviceOrderCreate')
  create(@Body() body: unknown): never {
    serviceOrderBody(objectBody(body), 'POSTReqServiceOrder');
    return refuseServiceOrderCreate();
  }

  @Patch('serviceOrder/:id')
  @TmfOperation('serviceOrderPatch')
  async patch(@Param('id') id: string, @Body() body: unknown) {
    const patch = serviceOrderBody(objectBody(body), 'ServiceOrder');
    const current = toServiceOrder(await this.scope.serviceOrder(id));
    assertServiceOrderPatchChangesNothing(id, current, patch);
    return current;
  }

  @Delete('serviceOrder/:id')
  @HttpCode(204)
  @TmfOperation('serviceOrderDelete')
  async remove(@Param('id') id: string): Promise<void> {
    const serviceOrder = await this.scope.serviceOrder(id);
    await this.cancelOrder.execute({ orderId: serviceOrder.commercialOrderId, reason: `TMF641 DELETE serviceOrder ${id}` });
  }

  @Get('serviceOrder')
  @TmfOperation('serviceOrderFind')
  async list(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const orders = await this.scope.listOrders(DEFAULT_SERVICE_ORDER_SCAN);
    const details = await Promise.all(orders.map((o) => this.orders.get(o.id)));
    const serviceOrders = details.flatMap((d) => d.serviceOrders.map((so) => toServiceOrder({ ...so, customerId: d.customerId })));
    return tmfList(reply, serviceOrders, query);
  }

  @Get('serviceOrder/:id')
  @TmfOperation('serviceOrderGet')
  async get(@Param('id') id: string, @Query() query: TmfQuery) {
    return selectFields(toServiceOrder(await this.scope.serviceOrder(id)), query);
  }
}
