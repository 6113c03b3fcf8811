import { Column, Entity, PrimaryColumn } from 'typeorm';

export const USAGE_REPORT_REQUEST_STATUSES = ['inProgress', 'done', 'failed'] as const;
export type UsageReportRequestStatus = (typeof USAGE_REPORT_REQUEST_STATUSES)[number];

/** What a report snapshot holds: the line's allowances as computed, and the usage events in the period. */
export interface UsageReportSnapshot {
  msisdn: string;
  offeringId: string;
  balances: { allowanceType: string; total: number; consumed: number; remaining: number; unit: string }[];
  /** Per allowance type, the quantity the period's usage events carried. */
  usedInPeriod: Record<string, number>;
  usageEvents: number;
}

/** A stored usage consumption report (TMF677), computed by a report request. */
@Entity({ schema: 'tmf', name: 'usage_report' })
export class UsageReportEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
  @Column({ name: 'subscription_id', type: 'text' }) subscriptionId!: string;
  @Column({ name: 'customer_id', type: 'text' }) customerId!: string;
  @Column({ name: 'period_start', type: 'timestamptz', nullable: true }) periodStart!: Date | null;
  @Column({ name: 'period_end', type: 'timestamptz', nullable: true }) periodEnd!: Date | null;
  @Column({ name: 'computed_at', type: 'timestamptz' }) computedAt!: Date;
  @Column({ type: 'jsonb' }) snapshot!: UsageReportSnapshot;
}

/** A partner's asynchronous request for a line's usage report over a period (TMF677). */
@Entity({ schema: 'tmf', name: 'usage_report_request' })
export class UsageReportRequestEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
  @Column({ name: 'service_identity', type: 'text' }) serviceIdentity!: string;
  @Column({ name: 'subscription_id', type: 'text' }) subscriptionId!: string;
  @Column({ name: 'customer_id', type: 'text' }) customerId!: string;
  @Column({ name: 'period_start', type: 'timestamptz', nullable: true }) periodStart!: Date | null;
  @Column({ name: 'period_end', type: 'timestamptz', nullable: true }) periodEnd!: Date | null;
  @Column({ type: 'text' }) status!: UsageReportRequestStatus;
  @Column({ name: 'report_id', type: 'text', nullable: true }) reportId!: string | null;
  @Column({ type: 'text', nullable: true }) failure!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'last_update', type: 'timestamptz' }) lastUpdate!: Date;
}
