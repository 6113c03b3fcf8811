import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EmailChangeStatus } from './identity.values';

/** A requested email change; it takes effect only when the code mailed to the NEW address comes back. */
@Entity({ schema: 'portal_auth', name: 'email_change_pending' })
export class EmailChangePendingEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'identity_id', type: 'text' }) identityId: string;
  @Column({ name: 'new_email', type: 'text' }) newEmail: string;
  @Column({ name: 'code_hash', type: 'text' }) codeHash: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true }) consumedAt: Date | null;
  @Column({ type: 'text' }) status: EmailChangeStatus;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
