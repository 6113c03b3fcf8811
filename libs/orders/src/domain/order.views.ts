import type { OrderState } from './order.state';
import type { OrderItemEntity, OrderStateHistoryEntity, ProductOrderEntity } from './product-order.entity';
import type { FaultRuleEntity, ProvisioningTaskEntity, TaskPayload } from './provisioning-task.entity';
import type { TaskState } from './provisioning-task.state';
import type { FaultType, TaskType } from './provisioning.types';
import type { PriceSnapshot, ServiceEntity, ServiceOrderEntity, ServiceType } from './service-order.entity';
import type { ServiceOrderState } from './service-order.state';
import type { ServiceState } from './service.state';

// What the orders context hands out (commands' results, queries, CLI --json). Dates stay Date
// objects in code; the JSON envelope turns them into ISO strings.

export interface OrderItemView {
  id: string;
  action: 'add';
  offeringId: string;
  state: OrderState;
  targetSubscriptionId: string | null;
  priceSnapshot: PriceSnapshot;
  discountCode: string | null;
  promoOfferId: string | null;
}

/** An order as the cockpit's 360 lists it: only what its orders panel shows. */
export interface OrderSummaryView {
  id: string;
  state: OrderState;
  orderDate: Date;
  /** The offering of the order's item. */
  offeringId: string;
}

export interface OrderView {
  id: string;
  customerId: string;
  state: OrderState;
  orderDate: Date;
  submittedAt: Date | null;
  completedDate: Date | null;
  msisdnPreference: string | null;
  notes: string | null;
  paymentMethodId: string | null;
  failureReason: string | null;
  stuckFlaggedAt: Date | null;
  item: OrderItemView;
}

export interface TaskView {
  id: string;
  serviceId: string;
  serviceOrderId: string;
  commercialOrderId: string;
  taskType: TaskType;
  state: TaskState;
  attempts: number;
  maxAttempts: number;
  run: number;
  payload: TaskPayload;
  lastError: string | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface ServiceView {
  id: string;
  serviceOrderId: string;
  parentServiceId: string | null;
  serviceType: ServiceType;
  specId: string;
  name: string;
  state: ServiceState;
  characteristics: Record<string, unknown>;
  subscriptionId: string | null;
  createdAt: Date;
  activatedAt: Date | null;
}

export interface RfsNodeView extends ServiceView {
  tasks: TaskView[];
}

export interface CfsNodeView extends ServiceView {
  rfs: RfsNodeView[];
}

export interface ServiceOrderView {
  id: string;
  commercialOrderId: string;
  state: ServiceOrderState;
  failureReason: string | null;
  createdAt: Date;
  completedAt: Date | null;
  items: { id: string; action: 'add'; serviceId: string }[];
  cfs: CfsNodeView[];
}

export interface OrderHistoryView {
  fromState: OrderState | null;
  toState: OrderState;
  trigger: string;
  reason: string | null;
  actor: string;
  changedAt: Date;
}

/** `OrderQueries.get`: the COM → SOM → services → tasks tree. */
export interface OrderDetailView extends OrderView {
  subscriptionId: string | null;
  serviceOrders: ServiceOrderView[];
  history: OrderHistoryView[];
}

export interface FaultRuleView {
  id: string;
  taskType: string;
  faultType: FaultType;
  probability: number;
  enabled: boolean;
  updatedAt: Date | null;
}

export function priceSnapshotOf(item: OrderItemEntity): PriceSnapshot {
  const snapshot: PriceSnapshot = { priceAmount: item.priceAmount, priceCurrency: item.priceCurrency, priceOfferingPriceId: item.priceOfferingPriceId };
  if (item.discountType) snapshot.discountType = item.discountType;
  if (item.discountValue !== null) snapshot.discountValue = item.discountValue;
  if (item.discountPeriodsTotal !== null) snapshot.discountPeriodsTotal = item.discountPeriodsTotal;
  if (item.discountCode) snapshot.promoCode = item.discountCode;
  if (item.promoOfferDefinitionId) snapshot.promoOfferDefinitionId = item.promoOfferDefinitionId;
  return snapshot;
}

export function toOrderView(order: ProductOrderEntity, item: OrderItemEntity): OrderView {
  return {
    id: order.id,
    customerId: order.customerId,
    state: order.state,
    orderDate: order.orderDate,
    submittedAt: order.submittedAt,
    completedDate: order.completedDate,
    msisdnPreference: order.msisdnPreference,
    notes: order.notes,
    paymentMethodId: order.paymentMethodId,
    failureReason: order.failureReason,
    stuckFlaggedAt: order.stuckFlaggedAt,
    item: {
      id: item.id,
      action: item.action,
      offeringId: item.offeringId,
      state: item.state,
      targetSubscriptionId: item.targetSubscriptionId,
      priceSnapshot: priceSnapshotOf(item),
      discountCode: item.discountCode,
      promoOfferId: item.promoOfferId,
    },
  };
}

export function toTaskView(t: ProvisioningTaskEntity): TaskView {
  return {
    id: t.id,
    serviceId: t.serviceId,
    serviceOrderId: t.serviceOrderId,
    commercialOrderId: t.commercialOrderId,
    taskType: t.taskType,
    state: t.state,
    attempts: t.attempts,
    maxAttempts: t.maxAttempts,
    run: t.run,
    payload: t.payload,
    lastError: t.lastError,
    createdAt: t.createdAt,
    startedAt: t.startedAt,
    completedAt: t.completedAt,
  };
}

export function toServiceView(s: ServiceEntity): ServiceView {
  return {
    id: s.id,
    serviceOrderId: s.serviceOrderId,
    parentServiceId: s.parentServiceId,
    serviceType: s.serviceType,
    specId: s.specId,
    name: s.name,
    state: s.state,
    characteristics: s.characteristics,
    subscriptionId: s.subscriptionId,
    createdAt: s.createdAt,
    activatedAt: s.activatedAt,
  };
}

export function toServiceOrderView(
  so: ServiceOrderEntity,
  items: { id: string; action: 'add'; serviceId: string }[],
  services: readonly ServiceEntity[],
  tasks: readonly ProvisioningTaskEntity[],
): ServiceOrderView {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, 'en', { numeric: true });
  const cfs = services
    .filter((s) => s.serviceOrderId === so.id && s.serviceType === 'CFS')
    .sort(byId)
    .map((c) => ({
      ...toServiceView(c),
      rfs: services
        .filter((r) => r.parentServiceId === c.id)
        .sort(byId)
        .map((r) => ({ ...toServiceView(r), tasks: tasks.filter((t) => t.serviceId === r.id).sort(byId).map(toTaskView) })),
    }));
  return { id: so.id, commercialOrderId: so.commercialOrderId, state: so.state, failureReason: so.failureReason, createdAt: so.createdAt, completedAt: so.completedAt, items, cfs };
}

export function toHistoryView(h: OrderStateHistoryEntity): OrderHistoryView {
  return { fromState: h.fromState, toState: h.toState, trigger: h.trigger, reason: h.reason, actor: h.actor, changedAt: h.changedAt };
}

export function toFaultRuleView(r: FaultRuleEntity): FaultRuleView {
  return { id: r.id, taskType: r.taskType, faultType: r.faultType, probability: Number(r.probability), enabled: r.enabled, updatedAt: r.updatedAt };
}
