import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The one destructive call a session has proposed and not yet confirmed (at most one per session). */
@Entity({ schema: 'cockpit', name: 'pending_action' })
export class PendingActionEntity {
  @PrimaryColumn({ name: 'session_id', type: 'text' }) sessionId!: string;
  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' }) tenantId!: string;
  @Column({ name: 'tool_name', type: 'text' }) toolName!: string;
  @Column({ name: 'tool_args_json', type: 'jsonb' }) toolArgs!: Record<string, unknown>;
  @Column({ name: 'proposal_message_id', type: 'bigint', nullable: true }) proposalMessageId!: string | null;
  @Column({ name: 'proposed_at', type: 'timestamptz' }) proposedAt!: Date;
}
