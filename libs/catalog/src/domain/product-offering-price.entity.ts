import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PriceType, RecurringPeriodType } from './catalog.types';

@Entity({ schema: 'catalog', name: 'product_offering_price' })
export class ProductOfferingPriceEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'offering_id', type: 'text' }) offeringId!: string;
  @Column({ name: 'price_type', type: 'text' }) priceType!: PriceType;
  @Column({ name: 'recurring_period_length', type: 'int', nullable: true }) recurringPeriodLength!: number | null;
  @Column({ name: 'recurring_period_type', type: 'text', nullable: true }) recurringPeriodType!: RecurringPeriodType | null;
  /** numeric(12,2), read as a string such as "25.00". */
  @Column({ type: 'numeric', precision: 12, scale: 2 }) amount!: string;
  @Column({ type: 'text' }) currency!: string;
  /** Inclusive; null = since forever. */
  @Column({ name: 'valid_from', type: 'timestamptz', nullable: true }) validFrom!: Date | null;
  /** Exclusive; null = open-ended. */
  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true }) validTo!: Date | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}
