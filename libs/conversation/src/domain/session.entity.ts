import { Column, Entity, PrimaryColumn } from 'typeorm';

export const SESSION_STATES = ['active', 'closed'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** One operator conversation, shared by the terminal REPL and the browser cockpit. */
@Entity({ schema: 'cockpit', name: 'session' })
export class SessionEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' }) tenantId!: string;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'text', nullable: true }) label!: string | null;
  @Column({ name: 'customer_focus', type: 'text', nullable: true }) customerFocus!: string | null;
  @Column({ name: 'subscription_focus', type: 'text', nullable: true }) subscriptionFocus!: string | null;
  @Column({ name: 'allow_destructive', type: 'boolean', default: false }) allowDestructive!: boolean;
  @Column({ type: 'text' }) state!: SessionState;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'last_active_at', type: 'timestamptz' }) lastActiveAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
}
