import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TaskState } from './provisioning-task.state';
import type { FaultType, TaskType } from './provisioning.types';

export interface TaskPayload {
  msisdn: string;
  iccid: string;
  imsi: string;
  activationCode: string;
  customerId: string;
  offeringId: string;
}

@Entity({ schema: 'orders', name: 'provisioning_task' })
export class ProvisioningTaskEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  /** The RFS this task provisions. */
  @Column({ name: 'service_id', type: 'text' }) serviceId: string;
  @Column({ name: 'service_order_id', type: 'text' }) serviceOrderId: string;
  @Column({ name: 'commercial_order_id', type: 'text' }) commercialOrderId: string;
  @Column({ name: 'task_type', type: 'text' }) taskType: TaskType;
  @Column({ type: 'text' }) state: TaskState;
  @Column({ type: 'int' }) attempts: number;
  @Column({ name: 'max_attempts', type: 'int' }) maxAttempts: number;
  /** Bumped by each operator resolve/retry, so the attempt jobs of an earlier run are told apart. */
  @Column({ type: 'int' }) run: number;
  @Column({ type: 'jsonb' }) payload: TaskPayload;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}

@Entity({ schema: 'orders', name: 'fault_injection' })
export class FaultRuleEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'task_type', type: 'text' }) taskType: string;
  @Column({ name: 'fault_type', type: 'text' }) faultType: FaultType;
  @Column({ type: 'numeric', precision: 4, scale: 3 }) probability: string;
  @Column({ type: 'boolean' }) enabled: boolean;
  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true }) updatedAt: Date | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
