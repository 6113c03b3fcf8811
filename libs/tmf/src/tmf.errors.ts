export const TMF_QUEUES = {
  /** Scans new domain events and enqueues one delivery per matching listener. */
  relay: 'tmf.hub.relay',
  /** Posts one TMF688 event to one listener; retried with backoff, then parked in `.dead`. */
  deliver: 'tmf.hub.deliver',
} as const;
