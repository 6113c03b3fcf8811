import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OrderQueries } from '@bss/orders';
import { selectFields, tmfList, type TmfQuery } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { PartnerScope } from '#tmf-api/tmf/partner-scope';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { toServiceOrder } from './service-order.mapper';

/** Default page when a partner lists service orders without `limit`: each one is a tree read. */
const DEFAULT_SERVICE_ORDER_SCAN = 100;

/** TMF641 Service Ordering (reads): service orders are created by SOM from product orders, never by partners. */
@Controller(TMF_BASE.serviceOrdering)
export class ServiceOrderingController {
  constructor(
    private readonly orders: OrderQueries,
    private readonly scope: PartnerScope,
  ) {}

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
