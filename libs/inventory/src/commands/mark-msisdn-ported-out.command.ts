import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { INVENTORY_EVENTS } from '#inventory/inventory.errors';
import { toMsisdnView, type MsisdnView } from '#inventory/domain/inventory.views';
import { effectiveMsisdnStatus, PORTED_OUT_UNTIL } from '#inventory/domain/msisdn.state';
import { msisdnTransition } from '#inventory/policies/msisdn.policies';
import { MSISDN_PATTERN } from '#inventory/domain/line-identifiers';
import { lockMsisdn } from './inventory.locks';

export class MarkMsisdnPortedOutInput {
  @Matches(MSISDN_PATTERN, { message: 'msisdn must be 8–15 digits' }) msisdn!: string;
}

/**
 * The number now belongs to another operator: terminal `ported_out` with a quarantine that never
 * ends, so no release or reservation can ever hand it out again. Marking it twice is a no-op
 * (a retried port-out approval).
 */
@Verb({
  name: 'inventory.msisdn.mark_ported_out',
  input: MarkMsisdnPortedOutInput,
  summary: 'Give a number away to another carrier for good',
  cliExempt: 'a step of port.approve for a port-out, inside its transaction',
})
@Injectable()
export class MarkMsisdnPortedOutCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: MarkMsisdnPortedOutInput): Promise<MsisdnView> {
    const dto = await validateInput(MarkMsisdnPortedOutInput, input);
    return this.uow.run((w) => this.markPortedOut(w, dto));
  }

  async executeIn(w: WriteScope, input: MarkMsisdnPortedOutInput): Promise<MsisdnView> {
    return this.markPortedOut(w, await validateInput(MarkMsisdnPortedOutInput, input));
  }

  private async markPortedOut(w: WriteScope, dto: MarkMsisdnPortedOutInput): Promise<MsisdnView> {
    const row = await lockMsisdn(w, dto.msisdn);
    if (row.status === 'ported_out') return toMsisdnView(row, w.now);
    const from = effectiveMsisdnStatus(row, w.now);
    row.status = msisdnTransition(row.msisdn, from, 'port_out');
    row.quarantineUntil = PORTED_OUT_UNTIL;
    await w.tx.save(row);
    await w.emit({
      eventType: INVENTORY_EVENTS.msisdnPortedOut,
      aggregateType: 'msisdn',
      aggregateId: row.msisdn,
      payload: { msisdn: row.msisdn, from, subscriptionId: row.assignedToSubscriptionId },
    });
    return toMsisdnView(row, w.now);
  }
}
