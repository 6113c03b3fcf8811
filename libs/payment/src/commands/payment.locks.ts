import type { WriteScope } from '@bss/audit';
import { NotFound } from '@bss/platform';
import { PaymentMethodEntity } from '#payment/domain/payment-method.entity';

/**
 * Serialises card changes per customer (add / remove / set default) for the rest of the
 * transaction — also when the customer has no card row to lock yet — and returns the active
 * cards, newest first.
 */
export async function lockCustomerCards(w: WriteScope, customerId: string): Promise<PaymentMethodEntity[]> {
  await w.tx.query(`select pg_advisory_xact_lock(hashtext($1))`, [`payment.customer:${customerId}`]);
  return w.tx.find(PaymentMethodEntity, {
    where: { customerId, status: 'active', tenantId: w.auth.tenant },
    order: { createdAt: 'DESC', id: 'DESC' },
  });
}

export async function loadMethod(w: WriteScope, paymentMethodId: string): Promise<PaymentMethodEntity> {
  const row = await w.tx.findOneBy(PaymentMethodEntity, { id: paymentMethodId, tenantId: w.auth.tenant });
  if (!row) throw new NotFound('payment_method', paymentMethodId);
  return row;
}
