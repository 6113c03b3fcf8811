import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How SOM decomposes an offering: one CFS and the RFSs under it. */
@Entity({ schema: 'catalog', name: 'product_to_service_mapping' })
export class ProductToServiceMappingEntity {
  @PrimaryColumn({ name: 'offering_id', type: 'text' }) offeringId!: string;
  @Column({ name: 'cfs_spec_id', type: 'text' }) cfsSpecId!: string;
  @Column({ name: 'rfs_spec_ids', type: 'text', array: true }) rfsSpecIds!: string[];
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}
