import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AllowanceType, AllowanceUnit } from './balance.calc';

/** One bucket per allowance type of a line, id `{subId}-{TYPE}`; `total = −1` is unlimited. */
@Entity({ schema: 'subscription', name: 'bundle_balance' })
export class BundleBalanceEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' }) tenantId!: string;
  @Column({ name: 'subscription_id', type: 'text' }) subscriptionId!: string;
  @Column({ name: 'allowance_type', type: 'text' }) allowanceType!: AllowanceType;
  @Column({ type: 'int' }) total!: number;
  @Column({ type: 'int' }) consumed!: number;
  @Column({ type: 'text' }) unit!: AllowanceUnit;
  @Column({ name: 'period_start', type: 'timestamptz' }) periodStart!: Date;
  @Column({ name: 'period_end', type: 'timestamptz' }) periodEnd!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
