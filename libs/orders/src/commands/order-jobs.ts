import { IsInt, IsString, Min } from 'class-validator';

/** The durable job chain of an order: each step is enqueued inside the transaction that causes it. */
export const ORDER_QUEUES = {
  decompose: 'orders.decompose',
  provisionTask: 'orders.provision_task',
  /** Where pg-boss parks a provisioning job that ran out of deliveries (the queue's dead letter). */
  provisionTaskAbandoned: 'orders.provision_task.dead',
  activate: 'orders.activate',
  sweepStuck: 'orders.sweep_stuck',
} as const;

/**
 * Every chain job names its order (the trace query finds its runs by it) and the trace to run under.
 * A class, not an interface: it is the verb input of the job handlers on the spine.
 */
export class OrderJob {
  @IsString() orderId!: string;
  @IsString() traceId!: string;
}

export class ProvisionTaskJob extends OrderJob {
  @IsString() taskId!: string;
  @IsInt() @Min(0) run!: number;
  @IsInt() @Min(1) attempt!: number;
}

/** Queues `bss order create --wait` drains in-process when it runs the chain itself. */
export const ORDER_CHAIN_QUEUES: readonly string[] = [ORDER_QUEUES.decompose, ORDER_QUEUES.provisionTask, ORDER_QUEUES.provisionTaskAbandoned, ORDER_QUEUES.activate];
