import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InteractionDirection } from './crm.values';

/** TMF683 interaction: one line of a customer's contact history. */
@Entity({ schema: 'crm', name: 'interaction' })
export class InteractionEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  /** Insertion order; breaks ties between rows written at one instant. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ name: 'customer_id', type: 'text' }) customerId: string;
  @Column({ type: 'text' }) channel: string;
  @Column({ type: 'text' }) direction: InteractionDirection;
  @Column({ type: 'text' }) summary: string;
  @Column({ type: 'text', nullable: true }) body: string | null;
  @Column({ name: 'agent_id', type: 'text', nullable: true }) agentId: string | null;
  @Column({ name: 'related_case_id', type: 'text', nullable: true }) relatedCaseId: string | null;
  @Column({ name: 'related_ticket_id', type: 'text', nullable: true }) relatedTicketId: string | null;
  @Column({ type: 'text' }) actor: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
