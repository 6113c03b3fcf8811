import { Injectable } from '@nestjs/common';
import { Matches } from 'class-validator';
import { Database, entityColumns, NotFound, validateInput } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { PaymentAttemptEntity } from '#payment/domain/payment-attempt.entity';
import { PaymentMethodEntity } from '#payment/domain/payment-method.entity';
import { CUSTOMER_ID_PATTERN, PAYMENT_METHOD_ID_PATTERN } from '#payment/domain/payment.values';
import { toPaymentAttemptView, toPaymentMethodView, type CardSummaryView, type PaymentAttemptView, type PaymentMethodView } from '#payment/domain/payment.views';

export class CustomerRef {
  @Matches(CUSTOMER_ID_PATTERN, { message: 'customerId must look like CUST-3f9a0c12' }) customerId!: string;
}

export class PaymentMethodRef {
  @Matches(PAYMENT_METHOD_ID_PATTERN, { message: 'paymentMethodId must look like PM-0001' }) paymentMethodId!: string;
}

/** `PAY-000123`, as ChargeCommand numbers attempts. */
const PAYMENT_ATTEMPT_ID_PATTERN = /^PAY-\d{4,}$/;

/** An approved charge as its receipt shows it. */
export interface PaymentReceiptView extends PaymentAttemptView {
  paidAt: Date;
  /** Null only if the card row is gone. */
  card: { brand: string; last4: string } | null;
}

/** Newest first: the order every list of cards and charges is shown in. */
const NEWEST_FIRST = { createdAt: 'DESC', id: 'DESC' } as const;

@Injectable()
export class PaymentQueries {
  constructor(private readonly db: Database) {}

  async getMethod(paymentMethodId: string): Promise<PaymentMethodView> {
    await validateInput(PaymentMethodRef, { paymentMethodId });
    const row = await this.db.manager.findOneBy(PaymentMethodEntity, { id: paymentMethodId, tenantId: currentAuth().tenant });
    if (!row) throw new NotFound('payment_method', paymentMethodId);
    return toPaymentMethodView(row);
  }

  /** Active cards only, newest first. */
  async listMethods(customerId: string): Promise<PaymentMethodView[]> {
    // class-validator only to word the refusal: a well-formed id skips it (the 360 reads this on every page).
    if (typeof customerId !== 'string' || !CUSTOMER_ID_PATTERN.test(customerId)) await validateInput(CustomerRef, { customerId });
    const em = this.db.manager;
    const rows = (await this.db.prepared(
      `select ${entityColumns(em, PaymentMethodEntity, 'pm')} from payment.payment_method pm
        where pm.customer_id = $1 and pm.status = 'active' and pm.tenant_id = $2 order by pm.created_at desc, pm.id desc`,
      [customerId, currentAuth().tenant],
    )) as PaymentMethodEntity[];
    return rows.map(toPaymentMethodView);
  }

  /** The customer's active cards, newest first, as the cockpit's 360 lists them: one prepared statement, only the shown columns. */
  async cardSummaries(customerId: string): Promise<CardSummaryView[]> {
    if (typeof customerId !== 'string' || !CUSTOMER_ID_PATTERN.test(customerId)) await validateInput(CustomerRef, { customerId });
    return this.db.prepared<CardSummaryView>(
      `select pm.id, pm.brand, pm.last4, pm.is_default as "isDefault", pm.status from payment.payment_method pm
        where pm.customer_id = $1 and pm.status = 'active' and pm.tenant_id = $2 order by pm.created_at desc, pm.id desc`,
      [customerId, currentAuth().tenant],
    );
  }

  async defaultMethod(customerId: string): Promise<PaymentMethodView | null> {
    await validateInput(CustomerRef, { customerId });
    const row = await this.db.manager.findOneBy(PaymentMethodEntity, { customerId, status: 'active', isDefault: true, tenantId: currentAuth().tenant });
    return row ? toPaymentMethodView(row) : null;
  }

  async hasActiveMethod(customerId: string): Promise<boolean> {
    await validateInput(CustomerRef, { customerId });
    return (await this.customersWithActiveMethod([customerId])).has(customerId);
  }

  /** Which of these customers have an active card on file, in one query. */
  async customersWithActiveMethod(customerIds: readonly string[]): Promise<Set<string>> {
    if (customerIds.length === 0) return new Set();
    const rows = await this.db.query<{ customer_id: string }>(
      `select distinct customer_id from payment.payment_method where customer_id = any($1::text[]) and status = 'active' and tenant_id = $2`,
      [customerIds, currentAuth().tenant],
    );
    return new Set(rows.map((row) => row.customer_id));
  }

  /** Every attempt (approved, declined, errored, and any interrupted `pending` one), newest first. */
  async listAttempts(customerId: string): Promise<PaymentAttemptView[]> {
    await validateInput(CustomerRef, { customerId });
    const rows = await this.db.manager.find(PaymentAttemptEntity, { where: { customerId, tenantId: currentAuth().tenant }, order: NEWEST_FIRST });
    return rows.map(toPaymentAttemptView);
  }

  /**
   * A receipt: one approved charge of this customer, with the card it went on. Another customer's
   * id, an unknown id and a charge that did not go through are all the same NotFound, so a probe
   * learns nothing about ids it does not own.
   */
  async receiptFor(customerId: string, paymentAttemptId: string): Promise<PaymentReceiptView> {
    await validateInput(CustomerRef, { customerId });
    const attempt = PAYMENT_ATTEMPT_ID_PATTERN.test(paymentAttemptId)
      ? await this.db.manager.findOneBy(PaymentAttemptEntity, { id: paymentAttemptId, customerId, status: 'approved', tenantId: currentAuth().tenant })
      : null;
    if (!attempt) throw new NotFound('payment_attempt', paymentAttemptId);
    // A removed card still names the charge it paid for, so the lookup ignores the card's status.
    const method = await this.db.manager.findOneBy(PaymentMethodEntity, { id: attempt.paymentMethodId, tenantId: currentAuth().tenant });
    return {
      ...toPaymentAttemptView(attempt),
      paidAt: attempt.completedAt ?? attempt.createdAt,
      card: method ? { brand: method.brand, last4: method.last4 } : null,
    };
  }

  async getAttempt(paymentAttemptId: string): Promise<PaymentAttemptView> {
    const row = await this.db.manager.findOneBy(PaymentAttemptEntity, { id: paymentAttemptId, tenantId: currentAuth().tenant });
    if (!row) throw new NotFound('payment_attempt', paymentAttemptId);
    return toPaymentAttemptView(row);
  }
}
