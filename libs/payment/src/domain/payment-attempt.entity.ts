import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PaymentAttemptStatus, PaymentPurpose } from './payment.values';

/** One charge, recorded `pending` before the gateway is asked, so a crash can be completed, never repeated. */
@Entity({ schema: 'payment', name: 'payment_attempt' })
export class PaymentAttemptEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' })
  tenantId!: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ name: 'payment_method_id', type: 'text' })
  paymentMethodId!: string;

  /** numeric(12,2), read as a string so money is never a float. */
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  amount!: string;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ type: 'text' })
  purpose!: PaymentPurpose;

  @Column({ type: 'text', default: 'pending' })
  status!: PaymentAttemptStatus;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason!: string | null;

  @Column({ name: 'decline_code', type: 'text', nullable: true })
  declineCode!: string | null;

  @Column({ name: 'gateway_ref', type: 'text', nullable: true })
  gatewayRef!: string | null;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
