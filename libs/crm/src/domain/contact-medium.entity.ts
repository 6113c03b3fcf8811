import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MediumType } from './crm.values';

/** A medium is live while `validTo` is null; removal ends it instead of deleting history. */
@Entity({ schema: 'crm', name: 'contact_medium' })
export class ContactMediumEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  /** Insertion order; breaks ties between rows written at one instant. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ name: 'party_id', type: 'text' }) partyId: string;
  @Column({ name: 'medium_type', type: 'text' }) mediumType: MediumType;
  @Column({ type: 'text' }) value: string;
  @Column({ name: 'is_primary', type: 'boolean' }) isPrimary: boolean;
  @Column({ name: 'valid_from', type: 'timestamptz' }) validFrom: Date;
  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true }) validTo: Date | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
