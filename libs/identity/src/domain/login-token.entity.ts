import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TokenKind } from './identity.values';
import type { LoginAudience } from './operator.values';

/** A one-time code, magic link or step-up grant; only its HMAC is stored. */
@Entity({ schema: 'portal_auth', name: 'login_token' })
export class LoginTokenEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'identity_id', type: 'text' }) identityId: string;
  @Column({ type: 'text' }) kind: TokenKind;
  @Column({ name: 'code_hash', type: 'text' }) codeHash: string;
  @Column({ name: 'action_label', type: 'text', nullable: true }) actionLabel: string | null;
  /** The OTP and magic link mailed together share it, so a login consumes both. */
  @Column({ name: 'batch_id', type: 'text', nullable: true }) batchId: string | null;
  @Column({ name: 'session_id', type: 'text', nullable: true }) sessionId: string | null;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true }) consumedAt: Date | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
  /** Portal customer or cockpit operator: a code of one never signs in to the other. */
  @Column({ type: 'text', default: 'portal' }) audience: LoginAudience;
}
