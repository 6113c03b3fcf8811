import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { validateInput, Verb } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { AddPortedInMsisdnCommand, MarkMsisdnPortedOutCommand } from '@bss/inventory';
import { CRM_RULES } from '#crm/crm.errors';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { PORT_OUT_APPROVED_QUEUE, type PortOutApprovedJob } from '#crm/domain/port-out-approved.job';
import { PortRequestEntity } from '#crm/domain/port-request.entity';
import { PORT_REQUEST_TRANSITIONS } from '#crm/domain/port-request.state';
import { toPortRequestView, type PortRequestView } from '#crm/domain/port-request.view';
import { lockPortRequest } from './crm-loaders';

export class ApprovePortRequestInput {
  @Matches(ID_PATTERNS.portRequest) portRequestId!: string;
}

/**
 * Completes a port. Port-in: the donor number joins our pool. Port-out: the number turns
 * terminal `ported_out` here, and the line is terminated by subscription from the
 * `crm.port_out_approved` job — a failed termination retries there and never un-ports the number.
 */
@Verb({
  name: 'port.approve',
  input: ApprovePortRequestInput,
  summary: 'Approve a port: port-in adds the number to the pool; port-out gives it away for good and ends the line',
  destructive: true,
})
@Injectable()
export class ApprovePortRequestCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly addPortedIn: AddPortedInMsisdnCommand,
    private readonly markPortedOut: MarkMsisdnPortedOutCommand,
  ) {}

  async execute(input: ApprovePortRequestInput): Promise<PortRequestView> {
    const dto = await validateInput(ApprovePortRequestInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: ApprovePortRequestInput): Promise<PortRequestView> {
    return this.apply(w, await validateInput(ApprovePortRequestInput, input));
  }

  private async apply(w: WriteScope, dto: ApprovePortRequestInput): Promise<PortRequestView> {
    const request = await lockPortRequest(w, dto.portRequestId);
    const from = request.state;
    request.state = assertTransition(PORT_REQUEST_TRANSITIONS, from, 'approve', CRM_RULES.portTransition, { type: 'port_request', id: request.id });
    if (request.direction === 'port_in') {
      await this.addPortedIn.executeIn(w, { msisdn: request.donorMsisdn, subscriptionId: request.targetSubscriptionId ?? undefined });
    } else {
      await this.markPortedOut.executeIn(w, { msisdn: request.donorMsisdn });
    }
    request.completedAt = w.now;
    request.updatedAt = w.now;
    await w.tx.save(PortRequestEntity, request);

    const payload = {
      portRequestId: request.id,
      direction: request.direction,
      donorMsisdn: request.donorMsisdn,
      targetSubscriptionId: request.targetSubscriptionId,
      fromState: from,
    };
    const approved = await w.emit({ eventType: 'port.approved', aggregateType: 'port_request', aggregateId: request.id, payload });
    if (request.direction === 'port_out' && request.targetSubscriptionId) {
      const job: PortOutApprovedJob = {
        portRequestId: request.id,
        subscriptionId: request.targetSubscriptionId,
        msisdn: request.donorMsisdn,
        eventId: approved.eventId,
      };
      const jobId = await w.enqueue(PORT_OUT_APPROVED_QUEUE, job);
      // pg-boss silently drops a job for a queue it does not know; losing it would leave a live
      // line on a number we no longer own, so the approval rolls back instead.
      if (!jobId) throw new Error(`Queue ${PORT_OUT_APPROVED_QUEUE} does not exist; run the migrations`);
    }
    await w.emit({
      eventType: 'port.completed',
      aggregateType: 'port_request',
      aggregateId: request.id,
      payload: { ...payload, completedAt: w.now.toISOString() },
    });
    return toPortRequestView(request);
  }
}
