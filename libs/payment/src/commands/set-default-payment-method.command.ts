import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InteractionLog } from '@bss/crm';
import { validateInput, Verb } from '@bss/platform';
import { PAYMENT_EVENTS } from '#payment/payment.errors';
import { PaymentMethodEntity } from '#payment/domain/payment-method.entity';
import { PAYMENT_METHOD_ID_PATTERN } from '#payment/domain/payment.values';
import { cardLabel, toPaymentMethodView, type PaymentMethodView } from '#payment/domain/payment.views';
import { assertCanBeDefault } from '#payment/policies/payment-method.policies';
import { loadMethod, lockCustomerCards } from './payment.locks';

export class SetDefaultPaymentMethodInput {
  @Matches(PAYMENT_METHOD_ID_PATTERN, { message: 'paymentMethodId must look like PM-0001' }) paymentMethodId!: string;
}

/** Exactly one default per customer; making the default the default again changes nothing. */
@Verb({
  name: 'payment.set_default',
  input: SetDefaultPaymentMethodInput,
  summary: 'Make a card the customer’s default (the one renewals charge)',
})
@Injectable()
export class SetDefaultPaymentMethodCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: SetDefaultPaymentMethodInput): Promise<PaymentMethodView> {
    const dto = await validateInput(SetDefaultPaymentMethodInput, input);
    return this.uow.run((w) => this.setDefault(w, dto));
  }

  async executeIn(w: WriteScope, input: SetDefaultPaymentMethodInput): Promise<PaymentMethodView> {
    return this.setDefault(w, await validateInput(SetDefaultPaymentMethodInput, input));
  }

  private async setDefault(w: WriteScope, dto: SetDefaultPaymentMethodInput): Promise<PaymentMethodView> {
    const method = await loadMethod(w, dto.paymentMethodId);
    const cards = await lockCustomerCards(w, method.customerId);
    const current = cards.find((c) => c.id === method.id) ?? method;
    assertCanBeDefault(current);
    if (current.isDefault) return toPaymentMethodView(current);
    const previous = cards.find((c) => c.isDefault) ?? null;
    await makeDefault(w, current, previous);
    await this.interactions.record(w, { customerId: current.customerId, summary: `Card ${cardLabel(current)} is now the default (${current.id})` });
    return toPaymentMethodView(current);
  }
}

/** Moves the default flag (clear first: the one-default index would refuse two) and records it. */
export async function makeDefault(w: WriteScope, next: PaymentMethodEntity, previous: PaymentMethodEntity | null): Promise<void> {
  if (previous) {
    previous.isDefault = false;
    previous.updatedAt = w.now;
    await w.tx.save(previous);
  }
  next.isDefault = true;
  next.updatedAt = w.now;
  await w.tx.save(next);
  await w.emit({
    eventType: PAYMENT_EVENTS.defaultSet,
    aggregateType: 'payment_method',
    aggregateId: next.id,
    payload: { customerId: next.customerId, paymentMethodId: next.id, previousDefaultId: previous?.id ?? null },
  });
}
