import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LifecycleStatus } from './catalog.types';

@Entity({ schema: 'catalog', name: 'product_offering' })
export class ProductOfferingEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'spec_id', type: 'text' }) specId!: string;
  @Column({ name: 'is_bundle', type: 'boolean' }) isBundle!: boolean;
  @Column({ name: 'is_sellable', type: 'boolean' }) isSellable!: boolean;
  @Column({ name: 'lifecycle_status', type: 'text' }) lifecycleStatus!: LifecycleStatus;
  /** Inclusive; null = since forever. */
  @Column({ name: 'valid_from', type: 'timestamptz', nullable: true }) validFrom!: Date | null;
  /** Exclusive; null = open-ended. */
  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true }) validTo!: Date | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}
