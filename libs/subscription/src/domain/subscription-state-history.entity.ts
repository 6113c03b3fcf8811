import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SubscriptionState, SubscriptionTrigger } from './subscription.state';

/** One row per FSM trigger applied (self-loops such as active -renew→ active included). */
@Entity({ schema: 'subscription', name: 'subscription_state_history' })
export class SubscriptionStateHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' }) tenantId!: string;
  @Column({ name: 'subscription_id', type: 'text' }) subscriptionId!: string;
  @Column({ name: 'from_state', type: 'text', nullable: true }) fromState!: SubscriptionState | null;
  @Column({ name: 'to_state', type: 'text' }) toState!: SubscriptionState;
  @Column({ type: 'text' }) trigger!: SubscriptionTrigger | 'create';
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'text' }) actor!: string;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
}
