import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentType, KycProvider } from './crm.values';

/**
 * A KYC attestation's identity document. Holds only `last4` and a 64-hex hash of the number;
 * the raw number never reaches a column, an event or a log line.
 */
@Entity({ schema: 'crm', name: 'customer_identity' })
export class CustomerIdentityEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'customer_id', type: 'text' }) customerId: string;
  @Column({ name: 'document_type', type: 'text' }) documentType: DocumentType;
  @Column({ name: 'document_hash', type: 'text' }) documentHash: string;
  @Column({ name: 'document_last4', type: 'text' }) documentLast4: string;
  @Column({ name: 'document_country', type: 'text' }) documentCountry: string;
  @Column({ name: 'date_of_birth', type: 'date', nullable: true }) dateOfBirth: string | null;
  @Column({ type: 'text', nullable: true }) nationality: string | null;
  @Column({ name: 'verified_by', type: 'text' }) verifiedBy: KycProvider;
  @Column({ name: 'provider_reference', type: 'text' }) providerReference: string;
  @Column({ name: 'attestation_payload', type: 'jsonb' }) attestationPayload: Record<string, unknown>;
  @Column({ name: 'verified_at', type: 'timestamptz' }) verifiedAt: Date;
  @Column({ name: 'corroboration_id', type: 'text', nullable: true }) corroborationId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
