import { Injectable } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CustomerQueries, InteractionLog } from '@bss/crm';
import { InvalidInput, NotFound, sequenceId, validateInput, Verb } from '@bss/platform';
import { PAYMENT_EVENTS } from '#payment/payment.errors';
import { CARD_NUMBER_PATTERN, compactCardNumber } from '#payment/domain/card-number';
import { PaymentMethodEntity } from '#payment/domain/payment-method.entity';
import { CUSTOMER_ID_PATTERN } from '#payment/domain/payment.values';
import { cardLabel, toPaymentMethodView, type PaymentMethodView } from '#payment/domain/payment.views';
import {
  assertCardNotExpired,
  assertCustomerActiveOrPending,
  assertCustomerExists,
  assertTokenizerConfigured,
  assertUnderMethodLimit,
} from '#payment/policies/payment-method.policies';
import { PaymentGateway } from '#payment/ports/payment-gateway.port';
import { lockCustomerCards } from './payment.locks';

export class AddPaymentCardInput {
  @Matches(CUSTOMER_ID_PATTERN, { message: 'customerId must look like CUST-3f9a0c12' }) customerId!: string;
  @IsString()
  @MaxLength(64)
  @Matches(CARD_NUMBER_PATTERN, { message: 'cardNumber must be 12–19 digits (spaces and dashes allowed)' })
  cardNumber!: string;
  @IsOptional() @IsInt() @Min(1) @Max(12) expMonth?: number;
  @IsOptional() @IsInt() @Min(2000) @Max(2199) expYear?: number;
}

/** What the command needs to know about the card holder. */
export interface CardHolder {
  id: string;
  status: string;
}

/** Without an expiry (the CLI's `--card` alone) the card is taken as valid for three more years. */
export const DEFAULT_CARD_VALIDITY_YEARS = 3;

/**
 * Attaches a card: the provider tokenizes it and only the token, brand, last four and expiry are
 * kept. A customer's first card becomes the default.
 */
@Verb({
  name: 'payment.add_card',
  input: AddPaymentCardInput,
  summary: 'Attach a card to a customer (tokenized by the mock provider; the PAN is never stored)',
})
@Injectable()
export class AddPaymentCardCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly gateway: PaymentGateway,
    private readonly customers: CustomerQueries,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: AddPaymentCardInput): Promise<PaymentMethodView> {
    const dto = await this.validate(input);
    return this.uow.run((w) => this.add(w, dto));
  }

  /**
   * Joins a transaction another command already opened. Pass `holder` when the customer was
   * created in that same, uncommitted transaction (CustomerQueries reads committed data only).
   */
  async executeIn(w: WriteScope, input: AddPaymentCardInput, holder?: CardHolder): Promise<PaymentMethodView> {
    return this.add(w, await this.validate(input), holder);
  }

  private async validate(input: AddPaymentCardInput): Promise<AddPaymentCardInput> {
    const dto = await validateInput(AddPaymentCardInput, input);
    if ((dto.expMonth === undefined) !== (dto.expYear === undefined)) {
      throw new InvalidInput([{ field: dto.expMonth === undefined ? 'expMonth' : 'expYear', messages: ['give expMonth and expYear together'] }]);
    }
    return dto;
  }

  private async add(w: WriteScope, dto: AddPaymentCardInput, holder?: CardHolder): Promise<PaymentMethodView> {
    const customer = holder?.id === dto.customerId ? holder : await this.findCustomer(dto.customerId);
    assertCustomerExists(dto.customerId, customer);
    assertCustomerActiveOrPending(dto.customerId, customer.status);
    const expMonth = dto.expMonth ?? 12;
    const expYear = dto.expYear ?? w.now.getUTCFullYear() + DEFAULT_CARD_VALIDITY_YEARS;
    assertCardNotExpired(expMonth, expYear, w.now);
    const cards = await lockCustomerCards(w, dto.customerId);
    assertUnderMethodLimit(dto.customerId, cards.length);
    assertTokenizerConfigured(this.gateway.provider, this.gateway.configured);

    const card = await this.gateway.tokenize({ cardNumber: compactCardNumber(dto.cardNumber), expMonth, expYear });
    const row = w.tx.create(PaymentMethodEntity, {
      id: await sequenceId(w.tx, 'payment.payment_method_seq', 'PM'),
      tenantId: w.auth.tenant,
      customerId: dto.customerId,
      type: 'card',
      token: card.token,
      tokenProvider: this.gateway.provider,
      brand: card.brand,
      last4: card.last4,
      expMonth: card.expMonth,
      expYear: card.expYear,
      isDefault: !cards.some((c) => c.isDefault),
      status: 'active',
      createdAt: w.now,
      updatedAt: w.now,
      removedAt: null,
    });
    await w.tx.insert(PaymentMethodEntity, row);
    await w.emit({
      eventType: PAYMENT_EVENTS.cardAdded,
      aggregateType: 'payment_method',
      aggregateId: row.id,
      payload: { customerId: row.customerId, brand: row.brand, last4: row.last4, expMonth: row.expMonth, expYear: row.expYear, isDefault: row.isDefault, tokenProvider: row.tokenProvider },
    });
    await this.interactions.record(w, { customerId: row.customerId, summary: `Card ${cardLabel(row)} added${row.isDefault ? ' as default' : ''} (${row.id})` });
    return toPaymentMethodView(row);
  }

  private async findCustomer(customerId: string): Promise<CardHolder | null> {
    try {
      return await this.customers.get(customerId);
    } catch (error) {
      if (error instanceof NotFound) return null;
      throw error;
    }
  }
}
