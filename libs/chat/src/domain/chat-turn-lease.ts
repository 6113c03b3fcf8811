/**
 * A running turn holds a lease its process renews while the turn runs. A process that dies
 * (kill -9, OOM, a deploy cut short) stops renewing; once the lease has run out the sweeper ends
 * the turn as interrupted, so a widget never spins forever and the model is never run twice.
 */
export const TURN_LEASE_MS = 60_000;
/** How often a running turn renews its lease: several renewals fit in one lease, so one slow write never loses it. */
export const TURN_HEARTBEAT_MS = 15_000;
/** How often a chat-agent process looks for turns whose lease ran out (and once when it boots). */
export const TURN_SWEEP_INTERVAL_MS = 30_000;

/** What the customer reads when their turn's process died: no reply was produced, so ask again. */
export const INTERRUPTED_REPLY = 'That answer was interrupted, please ask again.';

export function leaseFrom(now: Date): Date {
  return new Date(now.getTime() + TURN_LEASE_MS);
}
