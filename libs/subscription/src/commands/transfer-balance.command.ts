import { Injectable } from '@nestjs/common';
import { IsIn, IsInt, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { NotFound, randomId, validateInput, Verb } from '@bss/platform';
import { ALLOWANCE_UNITS, UNIT_OF_ALLOWANCE, type AllowanceType, type AllowanceUnit } from '#subscription/domain/balance.calc';
import { BalanceTransferEntity } from '#subscription/domain/balance-transfer.entity';
import { SUBSCRIPTION_ID_PATTERN } from '#subscription/domain/subscription.ids';
import { toBalanceTransferView, type BalanceTransferView, type SubscriptionView } from '#subscription/domain/subscription.views';
import { assertBalanceTransferable } from '#subscription/policies/balance.policies';
import { readSubscriptionView } from '#subscription/queries/subscription.queries';
import { settleLineAfterBalanceChange } from './balance-effects';
import { addToBucket, lockBalancesOf, lockSubscriptions } from './subscription.store';

const ALLOWANCE_TYPES = Object.keys(UNIT_OF_ALLOWANCE) as AllowanceType[];

export class TransferBalanceInput {
  @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'fromSubscriptionId must look like SUB-0001' }) fromSubscriptionId!: string;
  @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'toSubscriptionId must look like SUB-0001' }) toSubscriptionId!: string;
  @IsIn(ALLOWANCE_TYPES) allowanceType!: AllowanceType;
  @IsInt({ message: 'quantity must be a whole number in the bucket unit' }) @Min(1) quantity!: number;
  @IsIn([...ALLOWANCE_UNITS]) unit!: AllowanceUnit;
  @IsString() @MinLength(3) @MaxLength(200) reason!: string;
}

export interface TransferBalanceResult {
  transfer: BalanceTransferView;
  from: SubscriptionView;
  to: SubscriptionView;
}

/**
 * Moves allowance from one line's bucket to the same bucket of another line of the same customer
 * (a family sharing data), in one transaction: both lines and their buckets locked in id order,
 * the giver's total down, the receiver's up (its bucket opened if it had none). Both lines must be
 * active; a giver whose home data runs out is blocked, as rating would block it.
 */
@Verb({ name: 'subscription.transfer_balance', input: TransferBalanceInput, summary: "Move allowance between two lines of the same customer" })
@Injectable()
export class TransferBalanceCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: TransferBalanceInput): Promise<TransferBalanceResult> {
    const dto = await validateInput(TransferBalanceInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: TransferBalanceInput): Promise<TransferBalanceResult> {
    const lines = await lockSubscriptions(w, [dto.fromSubscriptionId, dto.toSubscriptionId]);
    const from = lines.get(dto.fromSubscriptionId);
    const to = lines.get(dto.toSubscriptionId);
    if (!from) throw new NotFound('subscription', dto.fromSubscriptionId);
    if (!to) throw new NotFound('subscription', dto.toSubscriptionId);
    const balances = await lockBalancesOf(w, [from.id, to.id]);
    const fromBalances = balances.get(from.id)!;
    const toBalances = balances.get(to.id)!;
    assertBalanceTransferable(from, to, dto, { from: fromBalances.get(dto.allowanceType), to: toBalances.get(dto.allowanceType) });

    // The policy above makes sure the giver's bucket exists and holds the quantity.
    await addToBucket(w, from, fromBalances, dto.allowanceType, -dto.quantity);
    await addToBucket(w, to, toBalances, dto.allowanceType, dto.quantity);

    const transfer: BalanceTransferEntity = {
      id: randomId('TRF'),
      tenantId: from.tenantId,
      fromSubscriptionId: from.id,
      toSubscriptionId: to.id,
      allowanceType: dto.allowanceType,
      quantity: dto.quantity,
      unit: dto.unit,
      reason: dto.reason,
      actor: w.auth.actor,
      channel: w.auth.channel,
      serviceIdentity: w.auth.serviceIdentity,
      createdAt: w.now,
    };
    await w.tx.insert(BalanceTransferEntity, transfer);
    const payload = { transferId: transfer.id, fromSubscriptionId: from.id, toSubscriptionId: to.id, allowanceType: dto.allowanceType, quantity: dto.quantity, unit: dto.unit, reason: dto.reason };
    await w.emit({ eventType: 'subscription.balance_transferred', aggregateType: 'subscription', aggregateId: from.id, payload: { ...payload, subscriptionId: from.id, direction: 'out' } });
    await w.emit({ eventType: 'subscription.balance_transferred', aggregateType: 'subscription', aggregateId: to.id, payload: { ...payload, subscriptionId: to.id, direction: 'in' } });
    await settleLineAfterBalanceChange(w, from, fromBalances, { allowanceType: dto.allowanceType, quantity: -dto.quantity, reason: 'balance_transfer' });
    return {
      transfer: toBalanceTransferView(transfer),
      from: await readSubscriptionView(w.tx, from, w.now),
      to: await readSubscriptionView(w.tx, to, w.now),
    };
  }
}
