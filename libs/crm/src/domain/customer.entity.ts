import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CustomerStatus, KycStatus } from './crm.values';

@Entity({ schema: 'crm', name: 'customer' })
export class CustomerEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  /** Insertion order; breaks ties between rows written at one instant. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ name: 'party_id', type: 'text' }) partyId: string;
  @Column({ type: 'text' }) status: CustomerStatus;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason: string | null;
  @Column({ name: 'customer_since', type: 'timestamptz' }) customerSince: Date;
  @Column({ name: 'kyc_status', type: 'text' }) kycStatus: KycStatus;
  @Column({ name: 'kyc_verified_at', type: 'timestamptz', nullable: true }) kycVerifiedAt: Date | null;
  @Column({ name: 'kyc_verification_method', type: 'text', nullable: true }) kycVerificationMethod: string | null;
  @Column({ name: 'kyc_reference', type: 'text', nullable: true }) kycReference: string | null;
  @Column({ name: 'kyc_expires_at', type: 'timestamptz', nullable: true }) kycExpiresAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
