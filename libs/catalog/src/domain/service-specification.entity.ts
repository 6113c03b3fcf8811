import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceSpecType } from './catalog.types';

@Entity({ schema: 'catalog', name: 'service_specification' })
export class ServiceSpecificationEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) type!: ServiceSpecType;
  @Column({ type: 'jsonb' }) parameters!: Record<string, unknown>;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}
