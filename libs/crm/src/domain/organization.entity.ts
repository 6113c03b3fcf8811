import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ORGANIZATION_STATUSES = ['initialized', 'validated', 'closed'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

/** A business customer (TMF632 Organization): a party of type `organization`. */
@Entity({ schema: 'crm', name: 'organization' })
export class OrganizationEntity {
  @PrimaryColumn({ name: 'party_id', type: 'text' }) partyId!: string;
  @Column({ name: 'trading_name', type: 'text' }) tradingName!: string;
  @Column({ name: 'legal_name', type: 'text', nullable: true }) legalName!: string | null;
  @Column({ name: 'organization_type', type: 'text', nullable: true }) organizationType!: string | null;
  /** Its company registration number (e.g. a UEN). */
  @Column({ name: 'registration_id', type: 'text', nullable: true }) registrationId!: string | null;
  @Column({ type: 'text' }) status!: OrganizationStatus;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}

/** An individual customer related to an organization, e.g. an employee on its plan. */
@Entity({ schema: 'crm', name: 'organization_member' })
export class OrganizationMemberEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'text' }) organizationId!: string;
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId!: string;
  @Column({ type: 'text' }) role!: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}
