import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PortDirection } from './crm.values';
import type { PortRequestState } from './port-request.state';

/** MNP request, operator-only. */
@Entity({ schema: 'crm', name: 'port_request' })
export class PortRequestEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  /** Insertion order; breaks ties between rows written at one instant. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ type: 'text' }) direction: PortDirection;
  @Column({ name: 'donor_carrier', type: 'text' }) donorCarrier: string;
  @Column({ name: 'donor_msisdn', type: 'text' }) donorMsisdn: string;
  @Column({ name: 'target_subscription_id', type: 'text', nullable: true }) targetSubscriptionId: string | null;
  /** `YYYY-MM-DD`. */
  @Column({ name: 'requested_port_date', type: 'date', nullable: true }) requestedPortDate: string | null;
  @Column({ type: 'text' }) state: PortRequestState;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
