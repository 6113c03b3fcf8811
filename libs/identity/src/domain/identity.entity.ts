import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IdentityStatus } from './identity.values';

/** A person who can sign in to the portal by email; linked to at most one CRM customer. */
@Entity({ schema: 'portal_auth', name: 'identity' })
export class IdentityEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'customer_id', type: 'text', nullable: true }) customerId: string | null;
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true }) emailVerifiedAt: Date | null;
  @Column({ type: 'text' }) status: IdentityStatus;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true }) lastLoginAt: Date | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
