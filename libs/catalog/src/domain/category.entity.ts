import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LifecycleStatus } from './catalog.types';

/** Classifies offerings (TMF620 Category); a category may sit under a parent. */
@Entity({ schema: 'catalog', name: 'category' })
export class CategoryEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ name: 'lifecycle_status', type: 'text' }) lifecycleStatus!: LifecycleStatus;
  @Column({ name: 'parent_id', type: 'text', nullable: true }) parentId!: string | null;
  @Column({ name: 'last_update', type: 'timestamptz' }) lastUpdate!: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}

/** An offering listed in a category. */
@Entity({ schema: 'catalog', name: 'offering_category' })
export class OfferingCategoryEntity {
  @PrimaryColumn({ name: 'offering_id', type: 'text' }) offeringId!: string;
  @PrimaryColumn({ name: 'category_id', type: 'text' }) categoryId!: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}
