import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@bss/audit';
import type { PortOutApprovedJob } from '@bss/crm';
import { firstDelivery } from '@bss/platform';
import { runAsWorker } from '@bss/policies';
import { SubscriptionEntity } from '#subscription/domain/subscription.entity';
import { TerminateSubscriptionCommand } from '#subscription/commands/terminate-subscription.command';

export const PORT_OUT_CONSUMER = 'subscription.port_out';

/**
 * `crm.port_out_approved`: the number has left us, so the line ends (`ported_out`) and the
 * MSISDN stays with the recipient operator instead of going to quarantine. Redeliveries are
 * no-ops (inbox), and a line already terminated is left alone.
 */
@Injectable()
export class PortOutHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly terminate: TerminateSubscriptionCommand,
  ) {}

  async handle(job: PortOutApprovedJob): Promise<void> {
    await runAsWorker('port_out', () =>
      this.uow.run(async (w) => {
        if (!(await firstDelivery(w.tx, PORT_OUT_CONSUMER, job.eventId))) return;
        const line = await w.tx.findOneBy(SubscriptionEntity, { id: job.subscriptionId, tenantId: w.auth.tenant });
        if (!line || line.state === 'terminated') {
          await w.emit({
            eventType: 'subscription.port_out_ignored',
            aggregateType: 'subscription',
            aggregateId: job.subscriptionId,
            payload: { ...job, reason: line ? 'already_terminated' : 'unknown_subscription' },
          });
          return;
        }
        await this.terminate.executeIn(w, { subscriptionId: line.id, reason: 'ported_out', releaseInventory: false });
      }),
    );
  }
}
