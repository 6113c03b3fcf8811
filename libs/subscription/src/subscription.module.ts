import { Module, type OnModuleInit } from '@nestjs/common';
import { CatalogModule } from '@bss/catalog';
import { CrmModule, CustomerLinesPort, PORT_OUT_APPROVED_QUEUE, type PortOutApprovedJob } from '@bss/crm';
import { InventoryModule } from '@bss/inventory';
import { NotificationsModule } from '@bss/notifications';
import { LiveLinePort, PaymentModule } from '@bss/payment';
import { defineContext, envInt, JobQueue } from '@bss/platform';
import { runAsWorker } from '@bss/policies';
import { ActivateSubscriptionCommand } from './commands/activate-subscription.command';
import { AdjustBalanceCommand } from './commands/adjust-balance.command';
import { TransferBalanceCommand } from './commands/transfer-balance.command';
import { ReserveBalanceCommand } from './commands/reserve-balance.command';
import { ReleaseReservationCommand } from './commands/release-reservation.command';
import { DeductReservationCommand } from './commands/deduct-reservation.command';
import { EXPIRE_RESERVATIONS_QUEUE, ExpireReservationsCommand, RESERVATION_SWEEPER } from './commands/expire-reservations.command';
import { BalanceReservationEntity } from './domain/balance-reservation.entity';
import { BalanceAdjustmentEntity } from './domain/balance-adjustment.entity';
import { BalanceTransferEntity } from './domain/balance-transfer.entity';
import { CancelPlanChangeCommand } from './commands/cancel-plan-change.command';
import { MigratePriceCommand } from './commands/migrate-price.command';
import { VasSubscriptionCommand } from './commands/vas-subscription.command';
import { SimulateUsageCommand } from './commands/simulate-usage.command';
import { RenewSubscriptionCommand } from './commands/renew-subscription.command';
import { SchedulePlanChangeCommand } from './commands/schedule-plan-change.command';
import { TerminateSubscriptionCommand } from './commands/terminate-subscription.command';
import { UsageBatcher } from './commands/usage-batcher';
import { BundleBalanceEntity } from './domain/bundle-balance.entity';
import { SubscriptionEntity } from './domain/subscription.entity';
import { SubscriptionStateHistoryEntity } from './domain/subscription-state-history.entity';
import { UsageEventEntity } from './domain/usage-event.entity';
import { VasPurchaseEntity } from './domain/vas-purchase.entity';
import { SubscriptionQueries } from './queries/subscription.queries';
import { PortOutHandler } from './workers/port-out.handler';
import { RENEWAL_SWEEP_QUEUE, RENEWAL_TICK_SECONDS_ENV, RenewalSweep } from './workers/renewal-sweep.worker';

// Lines are operational data: `bss admin reset` removes them (before inventory returns the pools).
export const SUBSCRIPTION_CONTEXT = defineContext({
  name: 'subscription',
  entities: [SubscriptionEntity, SubscriptionStateHistoryEntity, BundleBalanceEntity, VasPurchaseEntity, UsageEventEntity, BalanceAdjustmentEntity, BalanceTransferEntity, BalanceReservationEntity],
  seedOrder: 60,
  resetOrder: 30,
  reset: async (tx) => {
    for (const table of ['balance_reservation', 'balance_adjustment', 'balance_transfer', 'usage_event', 'vas_purchase', 'bundle_balance', 'subscription_state_history', 'subscription']) {
      await tx.query(`delete from subscription.${table}`);
    }
  },
  // First, so orders and inventory can key on the lines it resolves.
  forgetOrder: 10,
  forgetCustomers: async (tx, footprint) => {
    const lines = (await tx.query(`select id from subscription.subscription where customer_id = any($1)`, [footprint.customerIds])) as { id: string }[];
    footprint.subscriptionIds.push(...lines.map((l) => l.id));
    // A transfer hangs off both lines; they belong to one customer, so forgetting one forgets both.
    await tx.query(`delete from subscription.balance_transfer where from_subscription_id = any($1) or to_subscription_id = any($1)`, [footprint.subscriptionIds]);
    for (const table of ['balance_reservation', 'balance_adjustment', 'usage_event', 'vas_purchase', 'bundle_balance', 'subscription_state_history']) {
      await tx.query(`delete from subscription.${table} where subscription_id = any($1)`, [footprint.subscriptionIds]);
    }
    await tx.query(`delete from subscription.subscription where id = any($1)`, [footprint.subscriptionIds]);
    return { lines: lines.length };
  },
});

const COMMANDS = [
  ActivateSubscriptionCommand,
  SimulateUsageCommand,
  VasSubscriptionCommand,
  RenewSubscriptionCommand,
  SchedulePlanChangeCommand,
  CancelPlanChangeCommand,
  MigratePriceCommand,
  TerminateSubscriptionCommand,
  AdjustBalanceCommand,
  TransferBalanceCommand,
  ReserveBalanceCommand,
  ReleaseReservationCommand,
  DeductReservationCommand,
  ExpireReservationsCommand,
];

/** The renewal cron in minutes (`BSS_RENEWAL_TICK_SECONDS`, default 60; 0 = off). */
export function renewalCron(): string | null {
  const seconds = envInt(RENEWAL_TICK_SECONDS_ENV, 60);
  if (seconds <= 0) return null;
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`;
}

@Module({
  imports: [CatalogModule, CrmModule, InventoryModule, PaymentModule, NotificationsModule],
  providers: [...COMMANDS, UsageBatcher, SubscriptionQueries, RenewalSweep, PortOutHandler],
  exports: [...COMMANDS, SubscriptionQueries, RenewalSweep],
})
export class SubscriptionModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly sweep: RenewalSweep,
    private readonly portOut: PortOutHandler,
    private readonly queries: SubscriptionQueries,
    private readonly liveLines: LiveLinePort,
    private readonly customerLines: CustomerLinesPort,
    private readonly expireReservations: ExpireReservationsCommand,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      queue: RENEWAL_SWEEP_QUEUE,
      concurrency: 1,
      retryLimit: 0,
      handler: async () => {
        await this.sweep.tick();
      },
    });
    const cron = renewalCron();
    if (cron) this.jobs.schedule({ queue: RENEWAL_SWEEP_QUEUE, cron });
    // Holds past their validity go back to their buckets within a minute of falling due.
    this.jobs.define<object>({
      queue: EXPIRE_RESERVATIONS_QUEUE,
      concurrency: 1,
      retryLimit: 0,
      handler: async () => {
        await runAsWorker(RESERVATION_SWEEPER, () => this.expireReservations.execute());
      },
    });
    this.jobs.schedule({ queue: EXPIRE_RESERVATIONS_QUEUE, cron: '* * * * *' });
    this.jobs.define<PortOutApprovedJob>({ queue: PORT_OUT_APPROVED_QUEUE, retryLimit: 5, handler: (job) => this.portOut.handle(job) });
    this.liveLines.register((customerId) => this.queries.hasLiveLine(customerId));
    this.customerLines.register((customerId) => this.queries.liveLineIds(customerId));
  }
}
