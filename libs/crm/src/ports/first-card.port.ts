import { Injectable } from '@nestjs/common';
import type { WriteScope } from '@bss/audit';
import { InvalidInput } from '@bss/platform';
import type { CustomerView } from '#crm/domain/customer.view';

/** Attaches a card to a customer created in the same, still uncommitted transaction; returns the card's view. */
export type FirstCardAttach = (w: WriteScope, customer: CustomerView, cardNumber: string) => Promise<object>;

/**
 * How `customer.create` with a card attaches it in the customer's own transaction (a refused card
 * leaves no customer behind) without CRM depending on the payment context above it: payment
 * registers its card command in `onModuleInit`.
 */
@Injectable()
export class FirstCardPort {
  private attachCard?: FirstCardAttach;

  register(attach: FirstCardAttach): void {
    this.attachCard = attach;
  }

  async attach(w: WriteScope, customer: CustomerView, cardNumber: string): Promise<object> {
    if (!this.attachCard) throw new InvalidInput([{ field: 'cardNumber', messages: ['a card needs the payment context, which is not loaded'] }]);
    return this.attachCard(w, customer, cardNumber);
  }
}
