import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CodeKind } from './promotion.types';
import type { OfferSource, OfferState, RevokeReason } from './loyalty.types';

/** Embedded loyalty engine: one customer's entitlement, issued (targeted) or claimed by code. */
@Entity({ schema: 'promos', name: 'loyalty_offer' })
export class LoyaltyOfferEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
  @Column({ name: 'offer_definition_id', type: 'text' }) offerDefinitionId!: string;
  @Column({ name: 'customer_id', type: 'text' }) customerId!: string;
  @Column({ type: 'text' }) state!: OfferState;
  @Column({ name: 'source_type', type: 'text' }) sourceType!: OfferSource['type'];
  @Column({ name: 'source_code', type: 'text', nullable: true }) sourceCode!: string | null;
  @Column({ name: 'campaign_id', type: 'text', nullable: true }) campaignId!: string | null;
  /** The code's kind at claim time: what the partial unique indexes enforce. */
  @Column({ name: 'code_kind', type: 'text', nullable: true }) codeKind!: CodeKind | null;
  /** Claimed, redeemed, or revoked without restoring inventory: counts against the code's limit. */
  @Column({ name: 'holds_inventory', type: 'boolean' }) holdsInventory!: boolean;
  @Column({ name: 'order_ref', type: 'text', nullable: true }) orderRef!: string | null;
  @Column({ name: 'revoke_reason', type: 'text', nullable: true }) revokeReason!: RevokeReason | null;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt!: Date;
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true }) claimedAt!: Date | null;
  @Column({ name: 'redeemed_at', type: 'timestamptz', nullable: true }) redeemedAt!: Date | null;
  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true }) expiredAt!: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
