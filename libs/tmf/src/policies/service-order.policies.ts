import { isDeepStrictEqual } from 'node:util';
import { PolicyViolation } from '@bss/platform';
import { TMF_RULES } from '#tmf/tmf.errors';

/** `service_order.create.created_by_som`: always — a partner places a product order and SOM derives the service orders. */
export function refuseServiceOrderCreate(): never {
  throw new PolicyViolation(TMF_RULES.serviceOrderCreatedBySom, 'Service orders are created by SOM from a product order: place a productOrder (TMF622) instead', {});
}

/**
 * `service_order.patch.managed_by_som`: a merge-patch that restates what the service order already
 * says is a no-op (idempotent retries succeed); any change is refused, since SOM alone moves a
 * service order and its attributes derive from the product order.
 */
export function assertServiceOrderPatchChangesNothing(id: string, current: Readonly<Record<string, unknown>>, patch: Readonly<Record<string, unknown>>): void {
  const changed = Object.keys(patch).filter((key) => !isDeepStrictEqual(current[key], patch[key]));
  if (changed.length > 0) {
    throw new PolicyViolation(TMF_RULES.serviceOrderPatchManagedBySom, `Service order ${id} is managed by SOM; ${changed.join(', ')} cannot be changed (cancel the product order instead)`, { serviceOrderId: id, changed });
  }
}
