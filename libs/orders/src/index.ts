export * from './orders.module';
export * from './orders.errors';
export * from './domain/order.state';
export * from './domain/service-order.state';
export * from './domain/service.state';
export * from './domain/provisioning-task.state';
export * from './domain/provisioning.types';
export * from './domain/order.ids';
export type { RandomSource, ActiveFault, AttemptOutcome } from './domain/fault-injection';
export type { PriceSnapshot, CfsCharacteristics, ServiceType } from './domain/service-order.entity';
export type { TaskPayload } from './domain/provisioning-task.entity';
export type {
  OrderView,
  OrderSummaryView,
  OrderItemView,
  OrderDetailView,
  OrderHistoryView,
  ServiceOrderView,
  ServiceView,
  CfsNodeView,
  RfsNodeView,
  TaskView,
  FaultRuleView,
} from './domain/order.views';

export { DraftOrderCommand, DraftOrderInput } from './commands/draft-order.command';
export { SubmitOrderCommand, SubmitOrderInput } from './commands/submit-order.command';
export { CreateOrderCommand, CreateOrderInput } from './commands/create-order.command';
export { CancelOrderCommand, CancelOrderInput } from './commands/cancel-order.command';
export { ResolveStuckTaskCommand, ResolveStuckTaskInput } from './commands/resolve-stuck-task.command';
export { RetryFailedTaskCommand, RetryFailedTaskInput } from './commands/retry-failed-task.command';
export { FaultProvisioningCommand, FaultProvisioningInput } from './commands/fault-provisioning.command';
export { SweepStuckOrdersCommand, STUCK_ORDER_AFTER_SECONDS, type StuckSweepResult } from './commands/sweep-stuck-orders.command';
export { DecomposeOrderCommand } from './commands/decompose-order.command';
export { RunProvisioningAttemptCommand, PROVISIONING_DELAY_SCALE_ENV } from './commands/run-provisioning-attempt.command';
export { ActivateOrderCommand } from './commands/activate-order.command';
export { ProvisioningRandom } from './commands/provisioning-random';
export { ORDER_QUEUES, ORDER_CHAIN_QUEUES, type OrderJob, type ProvisionTaskJob } from './commands/order-jobs';

export { OrderQueries, type OrderListFilter } from './queries/order.queries';
export { ProvisioningQueries, type TaskListFilter } from './queries/provisioning.queries';
export { ServiceQueries } from './queries/service.queries';
export { OrderTraceQueries, type OrderTraceView, type TraceEntry } from './queries/order-trace.queries';
