import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LoginAudience } from './operator.values';

/** A server-side portal session. The browser holds only the random token; we keep its SHA-256. */
@Entity({ schema: 'portal_auth', name: 'session' })
export class PortalSessionEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'token_hash', type: 'text' }) tokenHash: string;
  @Column({ name: 'identity_id', type: 'text' }) identityId: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'revoked_reason', type: 'text', nullable: true }) revokedReason: string | null;
  /** The session's CSRF binding (synchronizer secret); never leaves the server. */
  @Column({ name: 'csrf_secret', type: 'text' }) csrfSecret: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
  /** Which app the session opens: the portal (customer) or the cockpit (operator). */
  @Column({ type: 'text', default: 'portal' }) audience: LoginAudience;
}
