import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LifecycleStatus } from './catalog.types';

@Entity({ schema: 'catalog', name: 'product_specification' })
export class ProductSpecificationEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text', nullable: true }) brand!: string | null;
  @Column({ name: 'lifecycle_status', type: 'text' }) lifecycleStatus!: LifecycleStatus;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}
