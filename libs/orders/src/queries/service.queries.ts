import { Injectable } from '@nestjs/common';
import { Database, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { assertIdFormat, SERVICE_ID_PATTERN, SUBSCRIPTION_ID_PATTERN } from '#orders/domain/order.ids';
import { ServiceEntity } from '#orders/domain/service-order.entity';
import { toServiceView, type ServiceView } from '#orders/domain/order.views';

/** TMF638 service inventory (read-only; SOM writes services). */
@Injectable()
export class ServiceQueries {
  constructor(private readonly db: Database) {}

  async get(serviceId: string): Promise<ServiceView> {
    assertIdFormat('serviceId', serviceId, SERVICE_ID_PATTERN, 'SVC-0001');
    const service = await this.db.manager.findOne(ServiceEntity, { where: { id: serviceId, tenantId: currentAuth().tenant } });
    if (!service) throw new NotFound('service', serviceId);
    return toServiceView(service);
  }

  /** The CFS and its RFS linked to a subscription, CFS first. */
  async listForSubscription(subscriptionId: string): Promise<ServiceView[]> {
    assertIdFormat('subscriptionId', subscriptionId, SUBSCRIPTION_ID_PATTERN, 'SUB-0001');
    const services = await this.db.manager.find(ServiceEntity, { where: { subscriptionId, tenantId: currentAuth().tenant } });
    return services
      .sort((a, b) => (a.serviceType === b.serviceType ? a.id.localeCompare(b.id, 'en', { numeric: true }) : a.serviceType === 'CFS' ? -1 : 1))
      .map(toServiceView);
  }
}
