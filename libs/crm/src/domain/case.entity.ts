import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseState } from './case.state';
import type { Priority } from './crm.values';

@Entity({ schema: 'crm', name: 'case' })
export class CaseEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  /** Insertion order; breaks ties between rows written at one instant. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ name: 'customer_id', type: 'text' }) customerId: string;
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text' }) state: CaseState;
  @Column({ type: 'text' }) priority: Priority;
  @Column({ type: 'text' }) category: string;
  @Column({ name: 'resolution_code', type: 'text', nullable: true }) resolutionCode: string | null;
  @Column({ name: 'opened_by_agent_id', type: 'text', nullable: true }) openedByAgentId: string | null;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'chat_transcript_hash', type: 'text', nullable: true }) chatTranscriptHash: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}

@Entity({ schema: 'crm', name: 'case_note' })
export class CaseNoteEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  /** Insertion order; breaks ties between rows written at one instant. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ name: 'case_id', type: 'text' }) caseId: string;
  @Column({ name: 'author_agent_id', type: 'text', nullable: true }) authorAgentId: string | null;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text' }) actor: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
