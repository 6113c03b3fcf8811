export * from './subscription.module';
export * from './subscription.errors';
export * from './domain/subscription.state';
export { ALLOWANCE_UNITS, UNLIMITED, UNIT_OF_ALLOWANCE, remainingOf, isDataExhausted, type AllowanceType, type AllowanceUnit, type BalanceAmounts } from './domain/balance.calc';
export { DISCOUNT_TYPES, discountedAmount, effectiveAmount, type Discount, type DiscountType } from './domain/price.calc';
export { PERIOD_DAYS, activationIdempotencyKey, renewalIdempotencyKey } from './domain/period.calc';
export { USAGE_EVENT_TYPES, isUsageEventType, unitOfEventType, type UsageEventType } from './domain/rating.calc';
export { parseUsageQuantity, type UsageQuantity } from './domain/usage-quantity.parser';
export { SUBSCRIPTION_ID_PATTERN } from './domain/subscription.ids';
export { RESERVATION_VALIDITY_BOUNDS } from './domain/balance-reservation.entity';
export type { BalanceAdjustmentView, BalanceReservationView, BalanceTransferView, BalanceView, LineSummaryView, SubscriptionView, UsageEventView, VasPurchaseView } from './domain/subscription.views';
export { ADJUSTMENT_CAP, APPLIED_STATUS, assertStatusUnchanged } from './policies/balance.policies';

export {
  ActivateSubscriptionCommand,
  ActivateSubscriptionInput,
  PriceSnapshotInput,
  type ActivateSubscriptionResult,
} from './commands/activate-subscription.command';
export { SimulateUsageCommand, SimulateUsageInput, USAGE_SOURCES, type RecordUsageResult, type UsageOutcome, type UsageSource } from './commands/simulate-usage.command';
export { VasSubscriptionCommand, VasSubscriptionInput, type VasSubscriptionResult } from './commands/vas-subscription.command';
export { RenewSubscriptionCommand, RenewSubscriptionInput, type RenewSubscriptionResult } from './commands/renew-subscription.command';
export { SchedulePlanChangeCommand, SchedulePlanChangeInput } from './commands/schedule-plan-change.command';
export { CancelPlanChangeCommand, CancelPlanChangeInput } from './commands/cancel-plan-change.command';
export { MigratePriceCommand, MigratePriceInput, DEFAULT_NOTICE_DAYS, type MigratePriceResult, type SkippedMigration } from './commands/migrate-price.command';
export {
  TerminateSubscriptionCommand,
  TerminateSubscriptionInput,
  TERMINATION_REASONS,
  type TerminationReason,
} from './commands/terminate-subscription.command';

export { AdjustBalanceCommand, AdjustBalanceInput, type AdjustBalanceResult } from './commands/adjust-balance.command';
export { TransferBalanceCommand, TransferBalanceInput, type TransferBalanceResult } from './commands/transfer-balance.command';
export { ReserveBalanceCommand, ReserveBalanceInput, type ReservationResult } from './commands/reserve-balance.command';
export { ReleaseReservationCommand, ReleaseReservationInput, RESERVATION_ID_PATTERN } from './commands/release-reservation.command';
export { DeductReservationCommand, DeductReservationInput, type DeductReservationResult } from './commands/deduct-reservation.command';
export { EXPIRE_RESERVATIONS_QUEUE, ExpireReservationsCommand, ExpireReservationsInput, type ExpireReservationsResult } from './commands/expire-reservations.command';

export { SubscriptionQueries, type StateHistoryView } from './queries/subscription.queries';
export {
  RenewalSweep,
  RENEWAL_SWEEP_QUEUE,
  RENEWAL_TICK_SECONDS_ENV,
  RENEWAL_REMINDER_LOOKAHEAD_ENV,
  RENEWAL_CONCURRENCY_ENV,
  type RenewalTickResult,
} from './workers/renewal-sweep.worker';
