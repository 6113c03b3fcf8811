import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InteractionLog } from '@bss/crm';
import { validateInput, Verb } from '@bss/platform';
import { PAYMENT_EVENTS } from '#payment/payment.errors';
import { PAYMENT_METHOD_ID_PATTERN } from '#payment/domain/payment.values';
import { cardLabel, toPaymentMethodView, type PaymentMethodView } from '#payment/domain/payment.views';
import { assertRemovable } from '#payment/policies/payment-method.policies';
import { LiveLinePort } from '#payment/ports/live-line.port';
import { loadMethod, lockCustomerCards } from './payment.locks';
import { makeDefault } from './set-default-payment-method.command';

export class RemovePaymentMethodInput {
  @Matches(PAYMENT_METHOD_ID_PATTERN, { message: 'paymentMethodId must look like PM-0001' }) paymentMethodId!: string;
}

export interface RemovedPaymentMethod {
  removed: PaymentMethodView;
  /** The card promoted because the removed one was the default (null when none was needed or left). */
  newDefault: PaymentMethodView | null;
}

/**
 * Soft-deletes a card. The last card cannot go while the customer has a live line (the reference
 * left this rule a stub); removing the default promotes the newest remaining card.
 */
@Verb({
  name: 'payment.remove_method',
  input: RemovePaymentMethodInput,
  summary: 'Remove a card (the last card cannot go while the customer has a live line)',
  destructive: true,
})
@Injectable()
export class RemovePaymentMethodCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly liveLines: LiveLinePort,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: RemovePaymentMethodInput): Promise<RemovedPaymentMethod> {
    const dto = await validateInput(RemovePaymentMethodInput, input);
    return this.uow.run((w) => this.remove(w, dto));
  }

  async executeIn(w: WriteScope, input: RemovePaymentMethodInput): Promise<RemovedPaymentMethod> {
    return this.remove(w, await validateInput(RemovePaymentMethodInput, input));
  }

  private async remove(w: WriteScope, dto: RemovePaymentMethodInput): Promise<RemovedPaymentMethod> {
    const loaded = await loadMethod(w, dto.paymentMethodId);
    const cards = await lockCustomerCards(w, loaded.customerId);
    const method = cards.find((c) => c.id === loaded.id) ?? loaded;
    const others = cards.filter((c) => c.id !== method.id);
    const lastCard = method.status === 'active' && others.length === 0;
    assertRemovable(method, others.length, lastCard && (await this.liveLines.hasLiveLine(method.customerId)));

    const wasDefault = method.isDefault;
    method.status = 'removed';
    method.isDefault = false;
    method.removedAt = w.now;
    method.updatedAt = w.now;
    await w.tx.save(method);
    await w.emit({
      eventType: PAYMENT_EVENTS.methodRemoved,
      aggregateType: 'payment_method',
      aggregateId: method.id,
      payload: { customerId: method.customerId, brand: method.brand, last4: method.last4, wasDefault },
    });
    const promoted = wasDefault ? (others[0] ?? null) : null;
    if (promoted) await makeDefault(w, promoted, null);
    await this.interactions.record(w, {
      customerId: method.customerId,
      summary: `Card ${cardLabel(method)} removed (${method.id})${promoted ? `; ${cardLabel(promoted)} is now the default` : ''}`,
    });
    return { removed: toPaymentMethodView(method), newDefault: promoted ? toPaymentMethodView(promoted) : null };
  }
}
