import { Injectable } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InvalidInput, validateInput, Verb } from '@bss/platform';
import { INVENTORY_EVENTS } from '#inventory/inventory.errors';
import { toEsimView, toMsisdnView, type EsimView, type MsisdnView } from '#inventory/domain/inventory.views';
import { effectiveMsisdnStatus } from '#inventory/domain/msisdn.state';
import { assertEsimReleasable } from '#inventory/policies/esim.policies';
import { assertMsisdnReleasable } from '#inventory/policies/msisdn.policies';
import { ICCID_PATTERN, MSISDN_PATTERN } from '#inventory/domain/line-identifiers';
import { lockEsim, lockMsisdn } from './inventory.locks';

export class ReleaseLineResourcesInput {
  @IsOptional() @Matches(MSISDN_PATTERN, { message: 'msisdn must be 8–15 digits' }) msisdn?: string;
  @IsOptional() @Matches(ICCID_PATTERN, { message: 'iccid must be 19–20 digits' }) iccid?: string;
}

export interface ReleasedLineResources {
  msisdn: MsisdnView | null;
  esim: EsimView | null;
}

/**
 * Puts held resources that never reached a customer back on the shelf (a declined activation, a
 * cancelled order). A line that existed retires its resources instead (RetireLineResourcesCommand).
 */
@Verb({
  name: 'inventory.release_line_resources',
  input: ReleaseLineResourcesInput,
  summary: "Put a failed or cancelled order's MSISDN and eSIM back in the pool",
  cliExempt: 'a step of order failure and cancellation (provisioning and activation jobs)',
})
@Injectable()
export class ReleaseLineResourcesCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ReleaseLineResourcesInput): Promise<ReleasedLineResources> {
    const dto = await this.validate(input);
    return this.uow.run((w) => this.release(w, dto));
  }

  async executeIn(w: WriteScope, input: ReleaseLineResourcesInput): Promise<ReleasedLineResources> {
    return this.release(w, await this.validate(input));
  }

  private async validate(input: ReleaseLineResourcesInput): Promise<ReleaseLineResourcesInput> {
    const dto = await validateInput(ReleaseLineResourcesInput, input);
    if (!dto.msisdn && !dto.iccid) throw new InvalidInput([{ field: 'msisdn', messages: ['give msisdn, iccid or both'] }]);
    return dto;
  }

  private async release(w: WriteScope, dto: ReleaseLineResourcesInput): Promise<ReleasedLineResources> {
    let msisdnView: MsisdnView | null = null;
    let esimView: EsimView | null = null;
    if (dto.msisdn) {
      const row = await lockMsisdn(w, dto.msisdn);
      const from = effectiveMsisdnStatus(row, w.now);
      row.status = assertMsisdnReleasable(row.msisdn, from);
      row.reservedAt = null;
      row.assignedToSubscriptionId = null;
      row.quarantineUntil = null;
      await w.tx.save(row);
      await w.emit({ eventType: INVENTORY_EVENTS.msisdnReleased, aggregateType: 'msisdn', aggregateId: row.msisdn, payload: { msisdn: row.msisdn, from } });
      msisdnView = toMsisdnView(row, w.now);
    }
    if (dto.iccid) {
      const row = await lockEsim(w, dto.iccid);
      row.profileState = assertEsimReleasable(row);
      row.reservedAt = null;
      row.assignedMsisdn = null;
      row.assignedToSubscriptionId = null;
      await w.tx.save(row);
      await w.emit({ eventType: INVENTORY_EVENTS.esimReleased, aggregateType: 'esim', aggregateId: row.iccid, payload: { iccid: row.iccid } });
      esimView = toEsimView(row);
    }
    return { msisdn: msisdnView, esim: esimView };
  }
}
