import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A TMF688 hub registration: a partner callback for one API's events. */
@Entity({ schema: 'tmf', name: 'hub_listener' })
export class HubListenerEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
  /** The TMF API whose events it receives, e.g. `productOrdering`. */
  @Column({ type: 'text' }) api!: string;
  @Column({ type: 'text' }) callback!: string;
  /** TMF688 `query`, e.g. `eventType=ProductOrderStateChangeEvent`; null = every event of the API. */
  @Column({ type: 'text', nullable: true }) query!: string | null;
  /** HMAC-SHA256 key of the `X-BSS-Signature` header; shown once, at registration. */
  @Column({ name: 'signing_secret', type: 'text' }) signingSecret!: string;
  @Column({ name: 'service_identity', type: 'text' }) serviceIdentity!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Where the relay stopped reading `audit.domain_event` (one row): the last event read, in `(tx_id, id)` order. */
@Entity({ schema: 'tmf', name: 'hub_cursor' })
export class HubCursorEntity {
  @PrimaryColumn({ type: 'text' }) name!: string;
  @Column({ name: 'last_tx_id', type: 'bigint' }) lastTxId!: string;
  @Column({ name: 'last_event_seq', type: 'bigint' }) lastEventSeq!: string;
}
