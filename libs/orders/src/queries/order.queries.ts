import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database, entityColumns, NotFound, prefixedPart } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { assertIdFormat, CUSTOMER_ID_PATTERN, ORDER_ID_PATTERN } from '#orders/domain/order.ids';
import type { OrderState } from '#orders/domain/order.state';
import { OrderItemEntity, OrderStateHistoryEntity, ProductOrderEntity } from '#orders/domain/product-order.entity';
import { ProvisioningTaskEntity } from '#orders/domain/provisioning-task.entity';
import { ServiceEntity, ServiceOrderEntity, ServiceOrderItemEntity } from '#orders/domain/service-order.entity';
import { toHistoryView, toOrderView, toServiceOrderView, type OrderDetailView, type OrderSummaryView, type OrderView, type ServiceOrderView } from '#orders/domain/order.views';

export interface OrderListFilter {
  customerId?: string;
  /** Only these customers' orders (e.g. a partner's, TMF622); an empty list matches none. */
  customerIds?: readonly string[];
  state?: OrderState;
  limit?: number;
}

@Injectable()
export class OrderQueries {
  constructor(private readonly db: Database) {}

  /** The order with its COM → SOM → services → tasks tree and state history; NotFound when unknown. */
  async get(orderId: string): Promise<OrderDetailView> {
    assertIdFormat('orderId', orderId, ORDER_ID_PATTERN, 'ORD-0001');
    const em = this.db.manager;
    const order = await em.findOne(ProductOrderEntity, { where: { id: orderId, tenantId: currentAuth().tenant } });
    if (!order) throw new NotFound('order', orderId);
    const [item, history, serviceOrders] = await Promise.all([
      em.findOneOrFail(OrderItemEntity, { where: { orderId } }),
      em.find(OrderStateHistoryEntity, { where: { orderId }, order: { id: 'ASC' } }),
      em.find(ServiceOrderEntity, { where: { commercialOrderId: orderId }, order: { id: 'ASC' } }),
    ]);
    const soIds = serviceOrders.map((so) => so.id);
    const [services, tasks, soItems] = soIds.length
      ? await Promise.all([
          em.find(ServiceEntity, { where: { serviceOrderId: In(soIds) } }),
          em.find(ProvisioningTaskEntity, { where: { serviceOrderId: In(soIds) } }),
          em.find(ServiceOrderItemEntity, { where: { serviceOrderId: In(soIds) }, order: { id: 'ASC' } }),
        ])
      : [[], [], []];
    return {
      ...toOrderView(order, item),
      subscriptionId: item.targetSubscriptionId,
      serviceOrders: serviceOrders.map((so) =>
        toServiceOrderView(
          so,
          soItems.filter((i) => i.serviceOrderId === so.id).map((i) => ({ id: i.id, action: i.action, serviceId: i.serviceId })),
          services,
          tasks,
        ),
      ),
      history: history.map(toHistoryView),
    };
  }

  /** One SOM service order (TMF641) with its services and tasks, and the customer of its commercial order. */
  async getServiceOrder(serviceOrderId: string): Promise<ServiceOrderView & { customerId: string }> {
    const so = await this.db.manager.findOne(ServiceOrderEntity, { where: { id: serviceOrderId, tenantId: currentAuth().tenant } });
    if (!so) throw new NotFound('service_order', serviceOrderId);
    const order = await this.get(so.commercialOrderId);
    return { ...order.serviceOrders.find((s) => s.id === so.id)!, customerId: order.customerId };
  }

  /** Newest first. */
  /**
   * The customer's newest orders as the cockpit's 360 lists them: one prepared statement with only
   * the shown columns (read on every 360 view). Like `list`, an order without an item is left out.
   */
  async summariesForCustomer(customerId: string, limit: number): Promise<OrderSummaryView[]> {
    assertIdFormat('customerId', customerId, CUSTOMER_ID_PATTERN, 'CUST-3f9a0c12');
    return this.db.prepared<OrderSummaryView>(
      `select o.id, o.state, o.order_date as "orderDate", i.offering_id as "offeringId"
         from orders.product_order o
         join lateral (select x.offering_id from orders.order_item x where x.order_id = o.id limit 1) i on true
        where o.tenant_id = $1 and o.customer_id = $2
        order by o.order_date desc, o.id desc
        limit $3`,
      [currentAuth().tenant, customerId, Math.min(Math.max(limit, 1), 1000)],
    );
  }

  async list(filter: OrderListFilter = {}): Promise<OrderView[]> {
    if (filter.customerId) assertIdFormat('customerId', filter.customerId, CUSTOMER_ID_PATTERN, 'CUST-3f9a0c12');
    // One raw query with each order's item joined in (the 360's orders panel reads it on every page).
    const em = this.db.manager;
    const params: unknown[] = [currentAuth().tenant];
    const where = ['o.tenant_id = $1'];
    if (filter.customerId) where.push(`o.customer_id = $${params.push(filter.customerId)}`);
    if (filter.customerIds) where.push(`o.customer_id = any($${params.push([...filter.customerIds])})`);
    if (filter.state) where.push(`o.state = $${params.push(filter.state)}`);
    const limit = params.push(Math.min(Math.max(filter.limit ?? 50, 1), 1000));
    // Prepared: one statement text per combination of filters, so at most eight per connection.
    const rows = (await this.db.prepared(
      `select ${entityColumns(em, ProductOrderEntity, 'o')}, ${entityColumns(em, OrderItemEntity, 'i', 'item.')}
         from orders.product_order o
         left join lateral (select * from orders.order_item x where x.order_id = o.id limit 1) i on true
        where ${where.join(' and ')}
        order by o.order_date desc, o.id desc
        limit $${limit}`,
      params,
    )) as (ProductOrderEntity & Record<string, unknown>)[];
    return rows.flatMap((row) => {
      const item = prefixedPart<OrderItemEntity>(row, 'item.');
      return item.id === null ? [] : [toOrderView(row, item)];
    });
  }
}
