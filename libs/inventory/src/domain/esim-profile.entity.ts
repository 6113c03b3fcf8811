import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EsimState } from './esim.state';

@Entity({ schema: 'inventory', name: 'esim_profile' })
export class EsimProfileEntity {
  @PrimaryColumn({ type: 'text' })
  iccid!: string;

  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' })
  tenantId!: string;

  @Column({ type: 'text' })
  imsi!: string;

  /** `hsm://ref/<uuid>`: where the Ki lives; the Ki itself never enters this system. */
  @Column({ name: 'ki_ref', type: 'text' })
  kiRef!: string;

  @Column({ name: 'profile_state', type: 'text' })
  profileState!: EsimState;

  @Column({ name: 'smdp_server', type: 'text' })
  smdpServer!: string;

  @Column({ name: 'matching_id', type: 'text' })
  matchingId!: string;

  @Column({ name: 'activation_code', type: 'text' })
  activationCode!: string;

  @Column({ name: 'assigned_msisdn', type: 'text', nullable: true })
  assignedMsisdn!: string | null;

  @Column({ name: 'assigned_to_subscription_id', type: 'text', nullable: true })
  assignedToSubscriptionId!: string | null;

  @Column({ name: 'reserved_at', type: 'timestamptz', nullable: true })
  reservedAt!: Date | null;

  /** Set when the profile is bound to a line: from then on it is recycled, never released. */
  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  @Column({ name: 'downloaded_at', type: 'timestamptz', nullable: true })
  downloadedAt!: Date | null;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  @Column({ name: 'recycled_at', type: 'timestamptz', nullable: true })
  recycledAt!: Date | null;
}
