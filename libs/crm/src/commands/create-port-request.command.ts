import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PolicyViolation, randomId, validateInput, Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CRM_RULES } from '#crm/crm.errors';
import { ISO_DATE_PATTERN, MSISDN_PATTERN, SUBSCRIPTION_ID_PATTERN } from '#crm/domain/crm.values';
import { PortRequestEntity } from '#crm/domain/port-request.entity';
import { PORT_REQUEST_LIVE_STATES } from '#crm/domain/port-request.state';
import { toPortRequestView, type PortRequestView } from '#crm/domain/port-request.view';
import { assertDonorNumberFree, assertPortDirection, assertPortOutHasTarget } from '#crm/policies/port-request.policies';
import { isUniqueViolation } from './crm-loaders';

export class CreatePortRequestInput {
  /** port_in | port_out, checked by rule port.create.direction_valid. */
  @IsString() direction!: string;
  @IsString() @Matches(/\S/, { message: 'donorCarrier must not be blank' }) @MaxLength(100) donorCarrier!: string;
  @Matches(MSISDN_PATTERN, { message: 'donorMsisdn must be 8-15 digits' }) donorMsisdn!: string;
  /** port_out: the line losing the number; port_in: the line that will carry it, when known. */
  @IsOptional() @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'targetSubscriptionId must look like SUB-0001' }) targetSubscriptionId?: string;
  @IsOptional() @Matches(ISO_DATE_PATTERN) @IsISO8601({ strict: true }) requestedPortDate?: string;
}

@Verb({ name: 'port.create', input: CreatePortRequestInput, summary: 'Request a number port (in from, or out to, another carrier)' })
@Injectable()
export class CreatePortRequestCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: CreatePortRequestInput): Promise<PortRequestView> {
    const dto = await validateInput(CreatePortRequestInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: CreatePortRequestInput): Promise<PortRequestView> {
    return this.apply(w, await validateInput(CreatePortRequestInput, input));
  }

  private async apply(w: WriteScope, dto: CreatePortRequestInput): Promise<PortRequestView> {
    const direction = assertPortDirection(dto.direction);
    assertPortOutHasTarget(direction, dto.targetSubscriptionId);
    const live = await w.tx.findOne(PortRequestEntity, {
      where: { tenantId: w.auth.tenant, donorMsisdn: dto.donorMsisdn, state: In([...PORT_REQUEST_LIVE_STATES]) },
    });
    assertDonorNumberFree(dto.donorMsisdn, live?.id ?? null);
    const request = w.tx.create(PortRequestEntity, {
      id: randomId('PORT', { upper: true }),
      direction,
      donorCarrier: dto.donorCarrier.trim(),
      donorMsisdn: dto.donorMsisdn,
      targetSubscriptionId: dto.targetSubscriptionId ?? null,
      requestedPortDate: dto.requestedPortDate ?? null,
      state: 'requested',
      rejectionReason: null,
      createdAt: w.now,
      updatedAt: w.now,
      completedAt: null,
      tenantId: w.auth.tenant,
    });
    try {
      await w.tx.insert(PortRequestEntity, request);
    } catch (error) {
      // Two requests for one number raced past the check above; the partial unique index decides.
      if (isUniqueViolation(error, 'port_request_live_donor_uq')) {
        throw new PolicyViolation(CRM_RULES.portDonorUnique, `${dto.donorMsisdn} already has a live port request`, { donorMsisdn: dto.donorMsisdn });
      }
      throw error;
    }
    await w.emit({
      eventType: 'port.created',
      aggregateType: 'port_request',
      aggregateId: request.id,
      payload: {
        portRequestId: request.id,
        direction,
        donorCarrier: request.donorCarrier,
        donorMsisdn: request.donorMsisdn,
        targetSubscriptionId: request.targetSubscriptionId,
        requestedPortDate: request.requestedPortDate,
      },
    });
    return toPortRequestView(request);
  }
}
