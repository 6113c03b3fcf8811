export const TMF_QUEUES = {
  /** Scans new domain events and enqueues one delivery per matching listener. */
  relay: 'tmf.hub.relay',
  /** Posts one TMF688 event to one listener; retried with backoff, then parked in `.dead`. */
  deliver: 'tmf.hub.deliver',
  /** Computes one requested TMF677 usage consumption report and stores it. */
  usageReport: 'tmf.usage_report.compute',
} as const;

/** Rule ids the TMF partner surface raises itself (everything else is the called command's own rule). */
export const TMF_RULES = {
  /** TMF641 `POST serviceOrder`: SOM decomposes a product order into service orders; partners order products (TMF622). */
  serviceOrderCreatedBySom: 'service_order.create.created_by_som',
  /** TMF641 `PATCH serviceOrder/{id}`: SOM owns a service order's attributes; a patch may only restate them. */
  serviceOrderPatchManagedBySom: 'service_order.patch.managed_by_som',
} as const;
