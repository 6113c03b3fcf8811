import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A sensitive POST parked while the customer proves it is them; replayed once after the code. */
@Entity({ schema: 'portal_auth', name: 'step_up_pending_action' })
export class StepUpPendingActionEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'session_id', type: 'text' }) sessionId: string;
  @Column({ name: 'action_label', type: 'text' }) actionLabel: string;
  @Column({ name: 'target_url', type: 'text' }) targetUrl: string;
  @Column({ name: 'payload_json', type: 'jsonb' }) payload: Record<string, string>;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true }) consumedAt: Date | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
