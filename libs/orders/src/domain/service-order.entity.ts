import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceOrderState } from './service-order.state';
import type { ServiceState } from './service.state';

@Entity({ schema: 'orders', name: 'service_order' })
export class ServiceOrderEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'commercial_order_id', type: 'text' }) commercialOrderId: string;
  @Column({ type: 'text' }) state: ServiceOrderState;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}

@Entity({ schema: 'orders', name: 'service_order_item' })
export class ServiceOrderItemEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'service_order_id', type: 'text' }) serviceOrderId: string;
  @Column({ type: 'text' }) action: 'add';
  @Column({ name: 'service_id', type: 'text' }) serviceId: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}

export type ServiceType = 'CFS' | 'RFS';

/** What SOM writes on the CFS once line resources are reserved (the hand-over to activation). */
export interface CfsCharacteristics {
  msisdn: string;
  iccid: string;
  imsi: string;
  activationCode: string;
  commercialOrderId: string;
  customerId: string;
  offeringId: string;
  paymentMethodId: string;
  priceSnapshot: PriceSnapshot;
}

export interface PriceSnapshot {
  priceAmount: string;
  priceCurrency: string;
  priceOfferingPriceId: string;
  discountType?: 'percent' | 'absolute';
  discountValue?: string;
  discountPeriodsTotal?: number;
  promoCode?: string;
  promoOfferDefinitionId?: string;
}

@Entity({ schema: 'orders', name: 'service' })
export class ServiceEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'service_order_id', type: 'text' }) serviceOrderId: string;
  @Column({ name: 'parent_service_id', type: 'text', nullable: true }) parentServiceId: string | null;
  @Column({ name: 'service_type', type: 'text' }) serviceType: ServiceType;
  @Column({ name: 'spec_id', type: 'text' }) specId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) state: ServiceState;
  @Column({ type: 'jsonb' }) characteristics: Record<string, unknown>;
  @Column({ name: 'subscription_id', type: 'text', nullable: true }) subscriptionId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true }) activatedAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}
