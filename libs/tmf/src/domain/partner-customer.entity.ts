import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A partner's entitlement to one customer: the partner (its service identity) created it through
 * TMF632. A partner reads, changes and hears events about its own customers only (CONTRIBUTING, TMF).
 */
@Entity({ schema: 'tmf', name: 'partner_customer' })
export class PartnerCustomerEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' }) tenantId!: string;
  @PrimaryColumn({ name: 'service_identity', type: 'text' }) serviceIdentity!: string;
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
