import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `INB-xxxxxxxx`: one event a partner posted to one of our client-side listener endpoints, as received. */
@Entity({ schema: 'tmf', name: 'listener_inbox' })
export class ListenerInboxEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' }) tenantId!: string;
  @Column({ type: 'text' }) api!: string;
  @Column({ name: 'service_identity', type: 'text' }) serviceIdentity!: string;
  @Column({ name: 'event_id', type: 'text' }) eventId!: string;
  @Column({ name: 'event_type', type: 'text' }) eventType!: string;
  @Column({ type: 'jsonb' }) event!: Record<string, unknown>;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
}
