import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CardBrand, PaymentMethodStatus, TokenProvider } from './payment.values';

/** A card on file: the provider's token and what may be shown (brand, last four, expiry). Never a PAN. */
@Entity({ schema: 'payment', name: 'payment_method' })
export class PaymentMethodEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' })
  tenantId!: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ type: 'text', default: 'card' })
  type!: 'card';

  @Column({ type: 'text' })
  token!: string;

  @Column({ name: 'token_provider', type: 'text' })
  tokenProvider!: TokenProvider;

  @Column({ type: 'text' })
  brand!: CardBrand;

  @Column({ type: 'text' })
  last4!: string;

  @Column({ name: 'exp_month', type: 'int' })
  expMonth!: number;

  @Column({ name: 'exp_year', type: 'int' })
  expYear!: number;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault!: boolean;

  @Column({ type: 'text', default: 'active' })
  status!: PaymentMethodStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;
}
