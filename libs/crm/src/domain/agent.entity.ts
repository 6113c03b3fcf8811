import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgentRole, AgentStatus } from './crm.values';

@Entity({ schema: 'crm', name: 'agent' })
export class AgentEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) role: AgentRole;
  @Column({ type: 'text' }) status: AgentStatus;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
