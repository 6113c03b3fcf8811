import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AllowanceType, AllowanceUnit } from './catalog.types';

/** Not versioned: renewals always read the current allowances of the offering. */
@Entity({ schema: 'catalog', name: 'bundle_allowance' })
export class BundleAllowanceEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'offering_id', type: 'text' }) offeringId!: string;
  @Column({ name: 'allowance_type', type: 'text' }) allowanceType!: AllowanceType;
  /** −1 = unlimited. */
  @Column({ type: 'int' }) quantity!: number;
  @Column({ type: 'text' }) unit!: AllowanceUnit;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}
