import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LifecycleStatus } from './catalog.types';

/** Groups categories, and through them offerings, for a channel or partner (TMF620 Catalog). */
@Entity({ schema: 'catalog', name: 'catalog' })
export class CatalogEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ name: 'lifecycle_status', type: 'text' }) lifecycleStatus!: LifecycleStatus;
  /** The channel or partner (service identity) it is made for; null = every channel. */
  @Column({ type: 'text', nullable: true }) channel!: string | null;
  @Column({ name: 'last_update', type: 'timestamptz' }) lastUpdate!: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}

/** A category a catalog groups. */
@Entity({ schema: 'catalog', name: 'catalog_category' })
export class CatalogCategoryEntity {
  @PrimaryColumn({ name: 'catalog_id', type: 'text' }) catalogId!: string;
  @PrimaryColumn({ name: 'category_id', type: 'text' }) categoryId!: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}
