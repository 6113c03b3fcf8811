import { Injectable } from '@nestjs/common';
import { Verb } from '@bss/platform';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { ProductOrderEntity } from '#orders/domain/product-order.entity';

/** An order in progress longer than this (by the simulated clock) is flagged for an operator. */
export const STUCK_ORDER_AFTER_SECONDS = 15 * 60;

export interface StuckSweepResult {
  flagged: string[];
}

/** The sweep takes no input: it looks at every order in progress. */
export class SweepStuckOrdersInput {}

/**
 * COM stuck sweeper (cron job every minute, or on demand): flags each order that has been in
 * progress for more than 15 minutes with `order.stuck`, exactly once (stuck_flagged_at), and
 * never resolves anything itself. SKIP LOCKED lets several workers sweep at once.
 */
@Verb({
  name: 'order.sweep_stuck',
  input: SweepStuckOrdersInput,
  summary: 'Flag every order in progress for more than 15 minutes as stuck, once',
  cliExempt: 'cron job orders.sweep_stuck, every minute',
})
@Injectable()
export class SweepStuckOrdersCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(): Promise<StuckSweepResult> {
    return this.uow.run((w) => this.executeIn(w));
  }

  async executeIn(w: WriteScope): Promise<StuckSweepResult> {
    const cutoff = new Date(w.now.getTime() - STUCK_ORDER_AFTER_SECONDS * 1000);
    const due = await w.tx
      .createQueryBuilder(ProductOrderEntity, 'o')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where(`o.state = 'in_progress'`)
      .andWhere('o.stuckFlaggedAt is null')
      .andWhere('o.submittedAt < :cutoff', { cutoff })
      .andWhere('o.tenantId = :tenant', { tenant: w.auth.tenant })
      .orderBy('o.submittedAt', 'ASC')
      .limit(500)
      .getMany();
    for (const order of due) {
      order.stuckFlaggedAt = w.now;
      order.updatedAt = w.now;
      await w.tx.save(order);
      await w.emit({
        eventType: 'order.stuck',
        aggregateType: 'product_order',
        aggregateId: order.id,
        payload: {
          commercialOrderId: order.id,
          customerId: order.customerId,
          state: order.state,
          stuckSinceOrderDate: order.orderDate.toISOString(),
          inProgressSince: order.submittedAt?.toISOString() ?? null,
        },
      });
    }
    return { flagged: due.map((o) => o.id) };
  }
}
