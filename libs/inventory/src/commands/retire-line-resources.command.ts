import { Injectable } from '@nestjs/common';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { INVENTORY_EVENTS } from '#inventory/inventory.errors';
import { toEsimView, toMsisdnView, type EsimView, type MsisdnView } from '#inventory/domain/inventory.views';
import { effectiveMsisdnStatus, quarantineEnd } from '#inventory/domain/msisdn.state';
import { assertEsimRecyclable } from '#inventory/policies/esim.policies';
import { msisdnTransition } from '#inventory/policies/msisdn.policies';
import { ICCID_PATTERN, MSISDN_PATTERN } from '#inventory/domain/line-identifiers';
import { lockEsim, lockMsisdn } from './inventory.locks';

export class RetireLineResourcesInput {
  @Matches(MSISDN_PATTERN, { message: 'msisdn must be 8–15 digits' }) msisdn!: string;
  @Matches(ICCID_PATTERN, { message: 'iccid must be 19–20 digits' }) iccid!: string;
  /** false when the number leaves us (port-out): it is already `ported_out` and must stay so. */
  @IsOptional() @IsBoolean() releaseMsisdn?: boolean;
}

export interface RetiredLineResources {
  msisdn: MsisdnView;
  esim: EsimView;
}

/**
 * A terminated line gives its resources back: the number cools down in quarantine for 90 days
 * before anyone else can get it (the reference handed it straight back, so a stranger could
 * receive the previous owner's calls), and the profile is recycled. Retiring twice is a no-op.
 */
@Verb({
  name: 'inventory.retire_line_resources',
  input: RetireLineResourcesInput,
  summary: "Quarantine an ended line's number and recycle its eSIM",
  cliExempt: 'a step of subscription.terminate, inside its transaction',
})
@Injectable()
export class RetireLineResourcesCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: RetireLineResourcesInput): Promise<RetiredLineResources> {
    const dto = await validateInput(RetireLineResourcesInput, input);
    return this.uow.run((w) => this.retire(w, dto));
  }

  async executeIn(w: WriteScope, input: RetireLineResourcesInput): Promise<RetiredLineResources> {
    return this.retire(w, await validateInput(RetireLineResourcesInput, input));
  }

  private async retire(w: WriteScope, dto: RetireLineResourcesInput): Promise<RetiredLineResources> {
    const msisdn = await lockMsisdn(w, dto.msisdn);
    const esim = await lockEsim(w, dto.iccid);

    if ((dto.releaseMsisdn ?? true) && msisdn.status !== 'quarantine') {
      const from = effectiveMsisdnStatus(msisdn, w.now);
      msisdn.status = msisdnTransition(msisdn.msisdn, from, 'quarantine');
      msisdn.quarantineUntil = quarantineEnd(w.now);
      msisdn.assignedToSubscriptionId = null;
      msisdn.reservedAt = null;
      await w.tx.save(msisdn);
      await w.emit({
        eventType: INVENTORY_EVENTS.msisdnQuarantined,
        aggregateType: 'msisdn',
        aggregateId: msisdn.msisdn,
        payload: { msisdn: msisdn.msisdn, from, quarantineUntil: msisdn.quarantineUntil.toISOString() },
      });
    }

    if (esim.profileState !== 'recycled') {
      const from = esim.profileState;
      esim.profileState = assertEsimRecyclable(esim);
      esim.recycledAt = w.now;
      await w.tx.save(esim);
      await w.emit({
        eventType: INVENTORY_EVENTS.esimRecycled,
        aggregateType: 'esim',
        aggregateId: esim.iccid,
        payload: { iccid: esim.iccid, from, msisdn: esim.assignedMsisdn, subscriptionId: esim.assignedToSubscriptionId },
      });
    }
    return { msisdn: toMsisdnView(msisdn, w.now), esim: toEsimView(esim) };
  }
}
