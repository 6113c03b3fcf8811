import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { INVENTORY_EVENTS } from '#inventory/inventory.errors';
import { toEsimView, toMsisdnView, type EsimView, type MsisdnView } from '#inventory/domain/inventory.views';
import { effectiveMsisdnStatus } from '#inventory/domain/msisdn.state';
import { assertEsimCanBind } from '#inventory/policies/esim.policies';
import { assertMsisdnAssignable } from '#inventory/policies/msisdn.policies';
import { ICCID_PATTERN, MSISDN_PATTERN, SUBSCRIPTION_ID_PATTERN } from '#inventory/domain/line-identifiers';
import { lockEsim, lockMsisdn } from './inventory.locks';

export class AssignLineResourcesInput {
  @Matches(MSISDN_PATTERN, { message: 'msisdn must be 8–15 digits' }) msisdn!: string;
  @Matches(ICCID_PATTERN, { message: 'iccid must be 19–20 digits' }) iccid!: string;
  @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'subscriptionId must look like SUB-0001' }) subscriptionId!: string;
}

export interface AssignedLineResources {
  msisdn: MsisdnView;
  esim: EsimView;
}

/**
 * Hands the held number and profile to a line: the MSISDN records its subscription (the reference
 * never did, which broke lookup by MSISDN) and the profile is bound to the number and marked
 * issued. Repeating it for the same line changes nothing, so activation replays are safe.
 */
@Verb({
  name: 'inventory.assign_line_resources',
  input: AssignLineResourcesInput,
  summary: "Bind a line's reserved MSISDN and eSIM to its subscription",
  cliExempt: 'a step of subscription activation (order activation job), inside its transaction',
})
@Injectable()
export class AssignLineResourcesCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: AssignLineResourcesInput): Promise<AssignedLineResources> {
    const dto = await validateInput(AssignLineResourcesInput, input);
    return this.uow.run((w) => this.assign(w, dto));
  }

  async executeIn(w: WriteScope, input: AssignLineResourcesInput): Promise<AssignedLineResources> {
    return this.assign(w, await validateInput(AssignLineResourcesInput, input));
  }

  private async assign(w: WriteScope, dto: AssignLineResourcesInput): Promise<AssignedLineResources> {
    const msisdn = await lockMsisdn(w, dto.msisdn);
    const esim = await lockEsim(w, dto.iccid);
    const already =
      msisdn.status === 'assigned' && msisdn.assignedToSubscriptionId === dto.subscriptionId &&
      esim.issuedAt !== null && esim.assignedToSubscriptionId === dto.subscriptionId && esim.assignedMsisdn === dto.msisdn;
    if (already) return { msisdn: toMsisdnView(msisdn, w.now), esim: toEsimView(esim) };

    const msisdnStatus = effectiveMsisdnStatus(msisdn, w.now);
    msisdn.status = assertMsisdnAssignable({ ...msisdn, status: msisdnStatus }, dto.subscriptionId);
    esim.profileState = assertEsimCanBind(esim, { msisdn: msisdn.msisdn, status: msisdnStatus }, dto.subscriptionId);

    msisdn.assignedToSubscriptionId = dto.subscriptionId;
    esim.assignedMsisdn = msisdn.msisdn;
    esim.assignedToSubscriptionId = dto.subscriptionId;
    esim.issuedAt ??= w.now;
    await w.tx.save(msisdn);
    await w.tx.save(esim);
    await w.emit({
      eventType: INVENTORY_EVENTS.msisdnAssigned,
      aggregateType: 'msisdn',
      aggregateId: msisdn.msisdn,
      payload: { msisdn: msisdn.msisdn, subscriptionId: dto.subscriptionId },
    });
    await w.emit({
      eventType: INVENTORY_EVENTS.esimAssigned,
      aggregateType: 'esim',
      aggregateId: esim.iccid,
      payload: { iccid: esim.iccid, msisdn: msisdn.msisdn, subscriptionId: dto.subscriptionId },
    });
    return { msisdn: toMsisdnView(msisdn, w.now), esim: toEsimView(esim) };
  }
}
