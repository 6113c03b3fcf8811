import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AllowanceType, AllowanceUnit } from './catalog.types';

/** A one-shot top-up bought on top of a plan. */
@Entity({ schema: 'catalog', name: 'vas_offering' })
export class VasOfferingEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'price_amount', type: 'numeric', precision: 12, scale: 2 }) priceAmount!: string;
  @Column({ type: 'text' }) currency!: string;
  @Column({ name: 'allowance_type', type: 'text' }) allowanceType!: AllowanceType;
  /** −1 = unlimited. */
  @Column({ name: 'allowance_quantity', type: 'int' }) allowanceQuantity!: number;
  @Column({ name: 'allowance_unit', type: 'text' }) allowanceUnit!: AllowanceUnit;
  @Column({ name: 'expiry_hours', type: 'int', nullable: true }) expiryHours!: number | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}
