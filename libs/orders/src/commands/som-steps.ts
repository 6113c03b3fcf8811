import type { WriteScope } from '@bss/audit';
import type { ReleaseLineResourcesCommand } from '@bss/inventory';
import { NotFound } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { ORDER_RULES } from '#orders/orders.errors';
import { ServiceEntity, ServiceOrderEntity } from '#orders/domain/service-order.entity';
import { SERVICE_ORDER_TRANSITIONS, type ServiceOrderTrigger } from '#orders/domain/service-order.state';
import { SERVICE_TRANSITIONS, type ServiceTrigger } from '#orders/domain/service.state';

// SOM steps shared by the job handlers and operator verbs of the chain.

export async function lockServiceOrder(w: WriteScope, serviceOrderId: string): Promise<ServiceOrderEntity> {
  const so = await w.tx.findOne(ServiceOrderEntity, { where: { id: serviceOrderId }, lock: { mode: 'pessimistic_write' } });
  if (!so) throw new NotFound('service_order', serviceOrderId);
  return so;
}

export async function servicesOf(w: WriteScope, serviceOrderId: string): Promise<{ cfs: ServiceEntity; all: ServiceEntity[] }> {
  const all = await w.tx.find(ServiceEntity, { where: { serviceOrderId }, order: { id: 'ASC' } });
  const cfs = all.find((s) => s.serviceType === 'CFS');
  if (!cfs) throw new NotFound('service', `CFS of ${serviceOrderId}`, { serviceOrderId });
  return { cfs, all };
}

export function moveServiceOrder(w: WriteScope, so: ServiceOrderEntity, trigger: ServiceOrderTrigger): void {
  so.state = assertTransition(SERVICE_ORDER_TRANSITIONS, so.state, trigger, ORDER_RULES.serviceOrderTransition, { type: 'service_order', id: so.id });
  so.updatedAt = w.now;
}

/** Moves every service that the trigger applies to; services already past it are left as they are. */
export async function moveServices(w: WriteScope, services: readonly ServiceEntity[], trigger: ServiceTrigger): Promise<void> {
  for (const service of services) {
    if (!SERVICE_TRANSITIONS[trigger].from.includes(service.state)) continue;
    service.state = assertTransition(SERVICE_TRANSITIONS, service.state, trigger, ORDER_RULES.serviceTransition, { type: 'service', id: service.id });
    service.updatedAt = w.now;
    if (trigger === 'activate') service.activatedAt = w.now;
    await w.tx.save(service);
  }
}

/** Puts the line's MSISDN and eSIM back on the shelf (they never reached a customer). */
export async function releaseLineOf(w: WriteScope, release: ReleaseLineResourcesCommand, cfs: ServiceEntity): Promise<{ msisdn?: string; iccid?: string }> {
  const msisdn = typeof cfs.characteristics.msisdn === 'string' ? cfs.characteristics.msisdn : undefined;
  const iccid = typeof cfs.characteristics.iccid === 'string' ? cfs.characteristics.iccid : undefined;
  if (msisdn || iccid) await release.executeIn(w, { msisdn, iccid });
  return { msisdn, iccid };
}

/** The line SOM recorded on the CFS when it reserved the resources. */
export function lineOf(cfs: ServiceEntity): { msisdn: string; iccid: string; paymentMethodId: string } {
  const text = (key: string): string => {
    const value = cfs.characteristics[key];
    if (typeof value !== 'string') throw new Error(`CFS ${cfs.id} has no ${key} characteristic`);
    return value;
  };
  return { msisdn: text('msisdn'), iccid: text('iccid'), paymentMethodId: text('paymentMethodId') };
}
