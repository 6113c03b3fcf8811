import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OperatorRole, OperatorStatus } from './operator.values';

/** Someone allowed to sign in to the operator cockpit (:9002). */
@Entity({ schema: 'portal_auth', name: 'operator' })
export class OperatorEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) role: OperatorRole;
  @Column({ type: 'text' }) status: OperatorStatus;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
