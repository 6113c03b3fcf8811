import { Injectable } from '@nestjs/common';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { validateInput, Verb } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CRM_RULES } from '#crm/crm.errors';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { PortRequestEntity } from '#crm/domain/port-request.entity';
import { PORT_REQUEST_TRANSITIONS } from '#crm/domain/port-request.state';
import { toPortRequestView, type PortRequestView } from '#crm/domain/port-request.view';
import { assertRejectionReason } from '#crm/policies/port-request.policies';
import { lockPortRequest } from './crm-loaders';

export class RejectPortRequestInput {
  @Matches(ID_PATTERNS.portRequest) portRequestId!: string;
  /** Required by rule port.reject.requires_reason. */
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

@Verb({ name: 'port.reject', input: RejectPortRequestInput, summary: 'Reject a port request, saying why' })
@Injectable()
export class RejectPortRequestCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: RejectPortRequestInput): Promise<PortRequestView> {
    const dto = await validateInput(RejectPortRequestInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: RejectPortRequestInput): Promise<PortRequestView> {
    return this.apply(w, await validateInput(RejectPortRequestInput, input));
  }

  private async apply(w: WriteScope, dto: RejectPortRequestInput): Promise<PortRequestView> {
    const request = await lockPortRequest(w, dto.portRequestId);
    const reason = assertRejectionReason(request, dto.reason);
    const from = request.state;
    request.state = assertTransition(PORT_REQUEST_TRANSITIONS, from, 'reject', CRM_RULES.portTransition, { type: 'port_request', id: request.id });
    request.rejectionReason = reason;
    request.updatedAt = w.now;
    await w.tx.save(PortRequestEntity, request);
    await w.emit({
      eventType: 'port.rejected',
      aggregateType: 'port_request',
      aggregateId: request.id,
      payload: { portRequestId: request.id, direction: request.direction, donorMsisdn: request.donorMsisdn, fromState: from, reason },
    });
    return toPortRequestView(request);
  }
}
