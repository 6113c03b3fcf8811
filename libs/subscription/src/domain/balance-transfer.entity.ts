import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AllowanceType, AllowanceUnit } from './balance.calc';

/** `TRF-xxxxxxxx`: allowance moved from one line's bucket to the same bucket of another line of the same customer. */
@Entity({ schema: 'subscription', name: 'balance_transfer' })
export class BalanceTransferEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' }) tenantId!: string;
  @Column({ name: 'from_subscription_id', type: 'text' }) fromSubscriptionId!: string;
  @Column({ name: 'to_subscription_id', type: 'text' }) toSubscriptionId!: string;
  @Column({ name: 'allowance_type', type: 'text' }) allowanceType!: AllowanceType;
  @Column({ type: 'int' }) quantity!: number;
  @Column({ type: 'text' }) unit!: AllowanceUnit;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'text' }) channel!: string;
  @Column({ name: 'service_identity', type: 'text' }) serviceIdentity!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
