import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MsisdnStatus } from './msisdn.state';

@Entity({ schema: 'inventory', name: 'msisdn' })
export class MsisdnEntity {
  @PrimaryColumn({ type: 'text' })
  msisdn!: string;

  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' })
  tenantId!: string;

  @Column({ type: 'text' })
  status!: MsisdnStatus;

  @Column({ name: 'reserved_at', type: 'timestamptz', nullable: true })
  reservedAt!: Date | null;

  @Column({ name: 'assigned_to_subscription_id', type: 'text', nullable: true })
  assignedToSubscriptionId!: string | null;

  @Column({ name: 'quarantine_until', type: 'timestamptz', nullable: true })
  quarantineUntil!: Date | null;
}
