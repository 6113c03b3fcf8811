import { Injectable } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { INVENTORY_EVENTS } from '#inventory/inventory.errors';
import { toMsisdnView, type MsisdnView } from '#inventory/domain/inventory.views';
import { MsisdnEntity } from '#inventory/domain/msisdn.entity';
import { MSISDN_PATTERN, SUBSCRIPTION_ID_PATTERN } from '#inventory/domain/line-identifiers';
import { lockMsisdn } from './inventory.locks';

export class AddPortedInMsisdnInput {
  @Matches(MSISDN_PATTERN, { message: 'msisdn must be 8–15 digits' }) msisdn!: string;
  @IsOptional() @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'subscriptionId must look like SUB-0001' }) subscriptionId?: string;
}

export interface PortedInMsisdn {
  /** false when the number was already in the pool: it is then left untouched. */
  inserted: boolean;
  msisdn: MsisdnView;
}

/** A number ported in from another operator joins the pool: assigned to its line when known, else available. */
@Verb({
  name: 'inventory.msisdn.add_ported_in',
  input: AddPortedInMsisdnInput,
  summary: 'Add a number ported in from another carrier to the pool',
  cliExempt: 'a step of port.approve for a port-in, inside its transaction',
})
@Injectable()
export class AddPortedInMsisdnCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: AddPortedInMsisdnInput): Promise<PortedInMsisdn> {
    const dto = await validateInput(AddPortedInMsisdnInput, input);
    return this.uow.run((w) => this.add(w, dto));
  }

  async executeIn(w: WriteScope, input: AddPortedInMsisdnInput): Promise<PortedInMsisdn> {
    return this.add(w, await validateInput(AddPortedInMsisdnInput, input));
  }

  private async add(w: WriteScope, dto: AddPortedInMsisdnInput): Promise<PortedInMsisdn> {
    const inserted = (await w.tx
      .createQueryBuilder()
      .insert()
      .into(MsisdnEntity)
      .values({
        msisdn: dto.msisdn,
        tenantId: w.auth.tenant,
        status: dto.subscriptionId ? 'assigned' : 'available',
        assignedToSubscriptionId: dto.subscriptionId ?? null,
        reservedAt: dto.subscriptionId ? w.now : null,
        quarantineUntil: null,
      })
      .orIgnore()
      .returning(['msisdn'])
      .execute()).raw as unknown[];
    const row = await lockMsisdn(w, dto.msisdn);
    if (inserted.length === 0) return { inserted: false, msisdn: toMsisdnView(row, w.now) };
    await w.emit({
      eventType: INVENTORY_EVENTS.msisdnSeededFromPortIn,
      aggregateType: 'msisdn',
      aggregateId: row.msisdn,
      payload: { msisdn: row.msisdn, status: row.status, subscriptionId: row.assignedToSubscriptionId },
    });
    return { inserted: true, msisdn: toMsisdnView(row, w.now) };
  }
}
