import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SignupState } from './signup.state';

/**
 * One signup in progress, kept in Postgres (never a card number) so back/forward, reloads and
 * several portal replicas all see the same state.
 */
@Entity({ schema: 'portal_auth', name: 'signup_journey' })
export class SignupJourneyEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'identity_id', type: 'text' }) identityId: string;
  @Column({ name: 'offering_id', type: 'text' }) offeringId: string;
  @Column({ type: 'text', nullable: true }) msisdn: string | null;
  @Column({ name: 'given_name', type: 'text', nullable: true }) givenName: string | null;
  @Column({ name: 'family_name', type: 'text', nullable: true }) familyName: string | null;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'text' }) state: SignupState;
  @Column({ name: 'customer_id', type: 'text', nullable: true }) customerId: string | null;
  /** Started by someone who was already a customer: the order then charges a card already on file. */
  @Column({ name: 'for_existing_customer', type: 'boolean' }) forExistingCustomer: boolean;
  @Column({ name: 'kyc_attested_at', type: 'timestamptz', nullable: true }) kycAttestedAt: Date | null;
  /** The Didit session this journey handed off to (didit mode); a retry replaces it. */
  @Column({ name: 'kyc_session_id', type: 'text', nullable: true }) kycSessionId: string | null;
  @Column({ name: 'payment_method_id', type: 'text', nullable: true }) paymentMethodId: string | null;
  @Column({ name: 'order_id', type: 'text', nullable: true }) orderId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
