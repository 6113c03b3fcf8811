import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database } from '@bss/platform';
import { HubListenerEntity } from '#tmf/domain/hub-listener.entity';
import type { HubDeliveryJob } from './relay-hub-events';

export const SIGNATURE_HEADER = 'x-bss-signature';
const DELIVERY_TIMEOUT_MS = 10_000;

/** `sha256=<hex HMAC of the exact body>`: what a listener recomputes with its secret. */
export function signHubBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * POSTs one TMF688 event to its listener. Anything but a 2xx throws, so pg-boss retries with
 * backoff and finally parks the job in `tmf.hub.deliver.dead` (visible in `bss admin jobs`).
 * Writes nothing: a delivery is an outbound call, not a change of our state.
 */
@Injectable()
export class DeliverHubEvent {
  constructor(private readonly db: Database) {}

  async run(job: HubDeliveryJob): Promise<'delivered' | 'listener_gone'> {
    const listener = await this.db.manager.findOneBy(HubListenerEntity, { id: job.listenerId });
    if (!listener) return 'listener_gone';
    const body = JSON.stringify(job.envelope);
    const res = await fetch(listener.callback, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signHubBody(listener.signingSecret, body), 'x-bss-event-id': job.envelope.eventId },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`hub listener ${listener.id} answered ${res.status}`);
    return 'delivered';
  }
}
