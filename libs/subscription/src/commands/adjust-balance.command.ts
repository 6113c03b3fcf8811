import { Injectable } from '@nestjs/common';
import { IsIn, IsInt, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { randomId, validateInput, Verb } from '@bss/platform';
import { ALLOWANCE_UNITS, UNIT_OF_ALLOWANCE, type AllowanceType, type AllowanceUnit } from '#subscription/domain/balance.calc';
import { BalanceAdjustmentEntity } from '#subscription/domain/balance-adjustment.entity';
import { SUBSCRIPTION_ID_PATTERN } from '#subscription/domain/subscription.ids';
import { toBalanceAdjustmentView, type BalanceAdjustmentView, type SubscriptionView } from '#subscription/domain/subscription.views';
import { assertBalanceAdjustable } from '#subscription/policies/balance.policies';
import { readSubscriptionView } from '#subscription/queries/subscription.queries';
import { settleLineAfterBalanceChange } from './balance-effects';
import { addToBucket, lockBalances, lockSubscription } from './subscription.store';

const ALLOWANCE_TYPES = Object.keys(UNIT_OF_ALLOWANCE) as AllowanceType[];

export class AdjustBalanceInput {
  @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'subscriptionId must look like SUB-0001' }) subscriptionId!: string;
  @IsIn(ALLOWANCE_TYPES) allowanceType!: AllowanceType;
  /** Signed, in the bucket's unit: > 0 credits, < 0 debits (0 is refused by `subscription.adjust_balance.non_zero_quantity`). */
  @IsInt({ message: 'quantity must be a whole number in the bucket unit' }) quantity!: number;
  @IsIn([...ALLOWANCE_UNITS]) unit!: AllowanceUnit;
  @IsString() @MinLength(3) @MaxLength(200) reason!: string;
}

export interface AdjustBalanceResult {
  adjustment: BalanceAdjustmentView;
  subscription: SubscriptionView;
  /** What the change did to the line (a credit brings an exhausted line back, a debit to zero data blocks it). */
  line: 'unblocked' | 'blocked' | 'unchanged';
}

/**
 * Credit or debit one bucket of a line by a quantity in the bucket's unit, with a reason — a
 * goodwill credit, a correction of mis-rated usage. No money moves. A credit brings a line
 * blocked for exhausted data back exactly as a top-up does; a debit never leaves a bucket
 * negative. Who asked (actor, channel, service identity) is on the record and its event.
 */
@Verb({ name: 'subscription.adjust_balance', input: AdjustBalanceInput, summary: 'Credit or debit a bucket of a line by a quantity in its unit, with a reason' })
@Injectable()
export class AdjustBalanceCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: AdjustBalanceInput): Promise<AdjustBalanceResult> {
    const dto = await validateInput(AdjustBalanceInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: AdjustBalanceInput): Promise<AdjustBalanceResult> {
    const line = await lockSubscription(w, dto.subscriptionId);
    const balances = await lockBalances(w, line.id);
    const bucket = balances.get(dto.allowanceType);
    assertBalanceAdjustable(line, dto, bucket);

    // A debit of a missing bucket would leave it negative and is refused above, so only a credit opens one.
    const after = await addToBucket(w, line, balances, dto.allowanceType, dto.quantity);

    const adjustment: BalanceAdjustmentEntity = {
      id: randomId('ADJ'),
      tenantId: line.tenantId,
      subscriptionId: line.id,
      allowanceType: dto.allowanceType,
      quantity: dto.quantity,
      unit: dto.unit,
      reason: dto.reason,
      actor: w.auth.actor,
      channel: w.auth.channel,
      serviceIdentity: w.auth.serviceIdentity,
      createdAt: w.now,
    };
    await w.tx.insert(BalanceAdjustmentEntity, adjustment);
    await w.emit({
      eventType: 'subscription.balance_adjusted',
      aggregateType: 'subscription',
      aggregateId: line.id,
      payload: { subscriptionId: line.id, adjustmentId: adjustment.id, allowanceType: dto.allowanceType, quantity: dto.quantity, unit: dto.unit, reason: dto.reason, total: after.total, consumed: after.consumed },
    });
    const lineChange = await settleLineAfterBalanceChange(w, line, balances, { allowanceType: dto.allowanceType, quantity: dto.quantity, reason: 'balance_adjustment' });
    return { adjustment: toBalanceAdjustmentView(adjustment), subscription: await readSubscriptionView(w.tx, line, w.now), line: lineChange };
  }
}
