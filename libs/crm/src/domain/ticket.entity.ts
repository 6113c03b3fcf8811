import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Priority, TicketType } from './crm.values';
import type { TicketState, TicketTrigger } from './ticket.state';

@Entity({ schema: 'crm', name: 'ticket' })
export class TicketEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  /** Insertion order; breaks ties between rows written at one instant. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ name: 'case_id', type: 'text', nullable: true }) caseId: string | null;
  @Column({ name: 'customer_id', type: 'text' }) customerId: string;
  @Column({ name: 'ticket_type', type: 'text' }) ticketType: TicketType;
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text' }) state: TicketState;
  @Column({ type: 'text' }) priority: Priority;
  @Column({ name: 'assigned_to_agent_id', type: 'text', nullable: true }) assignedToAgentId: string | null;
  @Column({ name: 'related_order_id', type: 'text', nullable: true }) relatedOrderId: string | null;
  @Column({ name: 'related_subscription_id', type: 'text', nullable: true }) relatedSubscriptionId: string | null;
  @Column({ name: 'related_service_id', type: 'text', nullable: true }) relatedServiceId: string | null;
  @Column({ name: 'sla_due_at', type: 'timestamptz', nullable: true }) slaDueAt: Date | null;
  @Column({ name: 'resolution_notes', type: 'text', nullable: true }) resolutionNotes: string | null;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}

/** One row per state move; creation writes `null → open`. */
@Entity({ schema: 'crm', name: 'ticket_history' })
export class TicketHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'ticket_id', type: 'text' }) ticketId: string;
  @Column({ name: 'from_state', type: 'text', nullable: true }) fromState: TicketState | null;
  @Column({ name: 'to_state', type: 'text' }) toState: TicketState;
  @Column({ type: 'text', nullable: true }) trigger: TicketTrigger | null;
  @Column({ name: 'changed_by_agent_id', type: 'text', nullable: true }) changedByAgentId: string | null;
  @Column({ type: 'text' }) actor: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'event_time', type: 'timestamptz' }) eventTime: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
