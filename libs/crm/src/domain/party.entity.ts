import { Column, Entity, PrimaryColumn } from 'typeorm';

/** TMF632 party: the person behind a customer record, or a business customer (organization). */
@Entity({ schema: 'crm', name: 'party' })
export class PartyEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'party_type', type: 'text' }) partyType: 'individual' | 'organization';
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}

@Entity({ schema: 'crm', name: 'individual' })
export class IndividualEntity {
  @PrimaryColumn({ name: 'party_id', type: 'text' }) partyId: string;
  @Column({ name: 'given_name', type: 'text' }) givenName: string;
  @Column({ name: 'family_name', type: 'text' }) familyName: string;
  /** `YYYY-MM-DD`. */
  @Column({ name: 'date_of_birth', type: 'date', nullable: true }) dateOfBirth: string | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
