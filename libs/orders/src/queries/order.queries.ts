import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { assertIdFormat, CUSTOMER_ID_PATTERN, ORDER_ID_PATTERN } from '#orders/domain/order.ids';
import type { OrderState } from '#orders/domain/order.state';
import { OrderItemEntity, OrderStateHistoryEntity, ProductOrderEntity } from '#orders/domain/product-order.entity';
import { ProvisioningTaskEntity } from '#orders/domain/provisioning-task.entity';
import { ServiceEntity, ServiceOrderEntity, ServiceOrderItemEntity } from '#orders/domain/service-order.entity';
import { toHistoryView, toOrderView, toServiceOrderView, type OrderDetailView, type OrderView, type ServiceOrderView } from '#orders/domain/order.views';

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
  async list(filter: OrderListFilter = {}): Promise<OrderView[]> {
    if (filter.customerId) assertIdFormat('customerId', filter.customerId, CUSTOMER_ID_PATTERN, 'CUST-3f9a0c12');
    const qb = this.db.manager
      .createQueryBuilder(ProductOrderEntity, 'o')
      .where('o.tenantId = :tenant', { tenant: currentAuth().tenant })
      .orderBy('o.orderDate', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(Math.min(Math.max(filter.limit ?? 50, 1), 1000));
    if (filter.customerId) qb.andWhere('o.customerId = :customerId', { customerId: filter.customerId });
    if (filter.customerIds) qb.andWhere('o.customerId = any(:customerIds)', { customerIds: [...filter.customerIds] });
    if (filter.state) qb.andWhere('o.state = :state', { state: filter.state });
    const orders = await qb.getMany();
    if (orders.length === 0) return [];
    const items = await this.db.manager.find(OrderItemEntity, { where: { orderId: In(orders.map((o) => o.id)) } });
    const itemByOrder = new Map(items.map((i) => [i.orderId, i]));
    return orders.flatMap((o) => {
      const item = itemByOrder.get(o.id);
      return item ? [toOrderView(o, item)] : [];
    });
  }
}
