import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AllowanceType, AllowanceUnit } from './balance.calc';

/** `ADJ-xxxxxxxx`: one credit (quantity > 0) or debit (< 0) of one bucket of a line, with who asked and why. */
@Entity({ schema: 'subscription', name: 'balance_adjustment' })
export class BalanceAdjustmentEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' }) tenantId!: string;
  @Column({ name: 'subscription_id', type: 'text' }) subscriptionId!: string;
  @Column({ name: 'allowance_type', type: 'text' }) allowanceType!: AllowanceType;
  @Column({ type: 'int' }) quantity!: number;
  @Column({ type: 'text' }) unit!: AllowanceUnit;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'text' }) channel!: string;
  @Column({ name: 'service_identity', type: 'text' }) serviceIdentity!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
