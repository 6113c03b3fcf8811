import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Embedded loyalty engine: a write's answer per (actor, Idempotency-Key), replayed on a retry. */
@Entity({ schema: 'promos', name: 'loyalty_ledger' })
export class LoyaltyLedgerEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' }) tenantId!: string;
  @PrimaryColumn({ type: 'text' }) actor!: string;
  @PrimaryColumn({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @Column({ type: 'text' }) tool!: string;
  @Column({ type: 'jsonb' }) response!: unknown;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
