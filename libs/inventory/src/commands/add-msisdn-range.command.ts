import { Injectable } from '@nestjs/common';
import { IsInt, IsString } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { INVENTORY_EVENTS } from '#inventory/inventory.errors';
import { assertSaneRange } from '#inventory/policies/msisdn.policies';

export class AddMsisdnRangeInput {
  @IsString() prefix!: string;
  @IsInt() count!: number;
}

export interface MsisdnRangeAdded {
  prefix: string;
  count: number;
  inserted: number;
  skipped: number;
  first: string;
  last: string;
}

const INDEX_DIGITS = 4;

/**
 * Grows the pool by `prefix + 4-digit index` for 0..count−1. Numbers already present (in any
 * tenant) are skipped, so re-running a range, or an overlapping one, is safe.
 */
@Verb({
  name: 'inventory.msisdn.add_range',
  input: AddMsisdnRangeInput,
  summary: 'Add PREFIX + 4-digit numbers 0..COUNT-1 to the pool; numbers already there are skipped',
})
@Injectable()
export class AddMsisdnRangeCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: AddMsisdnRangeInput): Promise<MsisdnRangeAdded> {
    const dto = await validateInput(AddMsisdnRangeInput, input);
    return this.uow.run((w) => this.add(w, dto));
  }

  async executeIn(w: WriteScope, input: AddMsisdnRangeInput): Promise<MsisdnRangeAdded> {
    return this.add(w, await validateInput(AddMsisdnRangeInput, input));
  }

  private async add(w: WriteScope, dto: AddMsisdnRangeInput): Promise<MsisdnRangeAdded> {
    assertSaneRange(dto.prefix, dto.count);
    const rows = (await w.tx.query(
      `insert into inventory.msisdn (msisdn, tenant_id, status)
       select $1 || lpad(i::text, ${INDEX_DIGITS}, '0'), $3, 'available' from generate_series(0, $2 - 1) as i
       on conflict do nothing
       returning msisdn`,
      [dto.prefix, dto.count, w.auth.tenant],
    )) as unknown[];
    const result: MsisdnRangeAdded = {
      prefix: dto.prefix,
      count: dto.count,
      inserted: rows.length,
      skipped: dto.count - rows.length,
      first: `${dto.prefix}${'0'.repeat(INDEX_DIGITS)}`,
      last: `${dto.prefix}${String(dto.count - 1).padStart(INDEX_DIGITS, '0')}`,
    };
    await w.emit({ eventType: INVENTORY_EVENTS.msisdnRangeAdded, aggregateType: 'msisdn_range', aggregateId: dto.prefix, payload: { ...result } });
    return result;
  }
}
