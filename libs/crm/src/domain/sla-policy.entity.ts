import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Target minutes to resolve a ticket of one (type, priority); id `SLA_<TYPE>_<PRIORITY>`. */
@Entity({ schema: 'crm', name: 'sla_policy' })
export class SlaPolicyEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'ticket_type', type: 'text' }) ticketType: string;
  @Column({ type: 'text' }) priority: string;
  @Column({ name: 'target_minutes', type: 'int' }) targetMinutes: number;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
