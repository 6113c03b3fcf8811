import { Module, type OnModuleInit } from '@nestjs/common';
import { CatalogModule } from '@bss/catalog';
import { CrmModule } from '@bss/crm';
import { InventoryModule } from '@bss/inventory';
import { PaymentModule } from '@bss/payment';
import { defineContext, envNumber, JobQueue, type ForgetFootprint, type Tx } from '@bss/platform';
import { runAsWorker } from '@bss/policies';
import { PromosModule } from '@bss/promos';
import { SubscriptionModule } from '@bss/subscription';
import { ActivateOrderCommand } from './commands/activate-order.command';
import { CancelOrderCommand } from './commands/cancel-order.command';
import { DraftOrderCommand } from './commands/draft-order.command';
import { DecomposeOrderCommand } from './commands/decompose-order.command';
import { ORDER_QUEUES, type OrderJob, type ProvisionTaskJob } from './commands/order-jobs';
import { CreateOrderCommand } from './commands/create-order.command';
import { ProvisioningRandom } from './commands/provisioning-random';
import { ResolveStuckTaskCommand } from './commands/resolve-stuck-task.command';
import { RetryFailedTaskCommand } from './commands/retry-failed-task.command';
import { PROVISIONING_DELAY_SCALE_ENV, RunProvisioningAttemptCommand } from './commands/run-provisioning-attempt.command';
import { FaultProvisioningCommand } from './commands/fault-provisioning.command';
import { SubmitOrderCommand } from './commands/submit-order.command';
import { SweepStuckOrdersCommand } from './commands/sweep-stuck-orders.command';
import { OrderItemEntity, OrderStateHistoryEntity, ProductOrderEntity } from './domain/product-order.entity';
import { FaultRuleEntity, ProvisioningTaskEntity } from './domain/provisioning-task.entity';
import { SLOW_FAULT_FACTOR } from './domain/fault-injection';
import { allFaultRuleSeeds, TASK_DURATION_SECONDS } from './domain/provisioning.types';
import { ServiceEntity, ServiceOrderEntity, ServiceOrderItemEntity } from './domain/service-order.entity';
import { OrderTraceQueries } from './queries/order-trace.queries';
import { OrderQueries } from './queries/order.queries';
import { ProvisioningQueries } from './queries/provisioning.queries';
import { ServiceQueries } from './queries/service.queries';

/**
 * Leases of the chain's jobs, sized to their work: a run still holding its job after this is
 * presumed hung and retried. (A worker that died is noticed within seconds anyway, by its closed
 * session.) Decompose and the sweep are a few statements; activation waits on the payment gateway.
 */
const CHAIN_LEASE_SECONDS = { decompose: 60, abandonAttempt: 60, activate: 120, sweepStuck: 120 } as const;
/** Headroom over the simulated network call, for the two transactions around it. */
const PROVISION_LEASE_HEADROOM_SECONDS = 30;

/** The slowest attempt the simulator can take (a `slow` fault at its top factor), plus headroom. */
function provisionLeaseSeconds(): number {
  const scale = Math.max(0, envNumber(PROVISIONING_DELAY_SCALE_ENV, 1));
  const slowest = Math.max(...Object.values(TASK_DURATION_SECONDS)) * scale * SLOW_FAULT_FACTOR.max;
  return PROVISION_LEASE_HEADROOM_SECONDS + Math.ceil(slowest);
}

/** Fault rules: every task/fault pair, disabled (§9 ids and probabilities where it names them). */
async function seedOrders(tx: Tx, log: (line: string) => void): Promise<void> {
  let added = 0;
  for (const rule of allFaultRuleSeeds()) {
    const rows = (await tx.query(
      `insert into orders.fault_injection (id, task_type, fault_type, probability, enabled) values ($1, $2, $3, $4, false)
       on conflict do nothing returning id`,
      [rule.id, rule.taskType, rule.faultType, rule.probability],
    )) as unknown[];
    added += rows.length;
  }
  log(`${added} fault-injection rules added`);
}

/** Operational rows only; fault rules are configuration and stay as the operator set them. */
async function resetOrders(tx: Tx): Promise<void> {
  for (const table of ['provisioning_task', 'service_order_item', 'service', 'service_order', 'order_state_history', 'order_item', 'product_order']) {
    await tx.query(`delete from orders.${table}`);
  }
}

/** The customers' orders with their decomposition, and any service on one of their lines. */
async function forgetOrders(tx: Tx, footprint: ForgetFootprint): Promise<Record<string, number>> {
  const orders = ((await tx.query(`select id from orders.product_order where customer_id = any($1)`, [footprint.customerIds])) as { id: string }[]).map((o) => o.id);
  const serviceOrders = `select id from orders.service_order where commercial_order_id = any($1)`;
  await tx.query(`delete from orders.provisioning_task where commercial_order_id = any($1)`, [orders]);
  await tx.query(`delete from orders.service_order_item where service_order_id in (${serviceOrders})`, [orders]);
  await tx.query(`delete from orders.service where service_order_id in (${serviceOrders}) or subscription_id = any($2)`, [orders, footprint.subscriptionIds]);
  await tx.query(`delete from orders.service_order where commercial_order_id = any($1)`, [orders]);
  await tx.query(`delete from orders.order_state_history where order_id = any($1)`, [orders]);
  await tx.query(`delete from orders.order_item where order_id = any($1)`, [orders]);
  await tx.query(`delete from orders.product_order where id = any($1)`, [orders]);
  return { orders: orders.length };
}

defineContext({
  name: 'orders',
  entities: [
    ProductOrderEntity,
    OrderItemEntity,
    OrderStateHistoryEntity,
    ServiceOrderEntity,
    ServiceOrderItemEntity,
    ServiceEntity,
    ProvisioningTaskEntity,
    FaultRuleEntity,
  ],
  seed: seedOrders,
  seedOrder: 50,
  reset: resetOrders,
  resetOrder: 20,
  forgetCustomers: forgetOrders,
  forgetOrder: 20,
});

const COMMANDS = [
  DraftOrderCommand,
  SubmitOrderCommand,
  CreateOrderCommand,
  CancelOrderCommand,
  DecomposeOrderCommand,
  RunProvisioningAttemptCommand,
  ActivateOrderCommand,
  SweepStuckOrdersCommand,
  ResolveStuckTaskCommand,
  RetryFailedTaskCommand,
  FaultProvisioningCommand,
];
const QUERIES = [OrderQueries, ProvisioningQueries, ServiceQueries, OrderTraceQueries];

@Module({
  imports: [CatalogModule, CrmModule, InventoryModule, PaymentModule, SubscriptionModule, PromosModule],
  providers: [...COMMANDS, ...QUERIES, ProvisioningRandom],
  exports: [...COMMANDS, ...QUERIES, ProvisioningRandom],
})
export class OrdersModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly decompose: DecomposeOrderCommand,
    private readonly provision: RunProvisioningAttemptCommand,
    private readonly activate: ActivateOrderCommand,
    private readonly sweeper: SweepStuckOrdersCommand,
  ) {}

  onModuleInit(): void {
    // Every job of an order's chain runs under the order's trace id, so `bss trace for-order`
    // finds all of it, subscription's and payment's writes included.
    this.jobs.define<OrderJob>({
      queue: ORDER_QUEUES.decompose,
      retryLimit: 5,
      leaseSeconds: CHAIN_LEASE_SECONDS.decompose,
      handler: async (data) => {
        await runAsWorker('som', () => this.decompose.handle(data), data.traceId);
      },
    });
    this.jobs.define<ProvisionTaskJob>({
      queue: ORDER_QUEUES.provisionTask,
      retryLimit: 5,
      concurrency: 8,
      leaseSeconds: provisionLeaseSeconds(),
      handler: async (data) => {
        await runAsWorker('provisioning_simulator', () => this.provision.handle(data), data.traceId);
      },
    });
    this.jobs.define<ProvisionTaskJob>({
      queue: ORDER_QUEUES.provisionTaskAbandoned,
      retryLimit: 5,
      leaseSeconds: CHAIN_LEASE_SECONDS.abandonAttempt,
      handler: async (data) => {
        await runAsWorker('provisioning_simulator', () => this.provision.abandon(data), data.traceId);
      },
    });
    this.jobs.define<OrderJob>({
      queue: ORDER_QUEUES.activate,
      retryLimit: 10,
      retryDelaySeconds: 5,
      leaseSeconds: CHAIN_LEASE_SECONDS.activate,
      handler: async (data) => {
        await runAsWorker('com', () => this.activate.handle(data), data.traceId);
      },
    });
    this.jobs.define<object>({
      queue: ORDER_QUEUES.sweepStuck,
      retryLimit: 0,
      concurrency: 1,
      leaseSeconds: CHAIN_LEASE_SECONDS.sweepStuck,
      handler: async () => {
        await runAsWorker('stuck_order_sweeper', () => this.sweeper.execute());
      },
    });
    this.jobs.schedule({ queue: ORDER_QUEUES.sweepStuck, cron: '* * * * *' });
  }
}
