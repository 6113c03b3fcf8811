import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import type { OrderView } from '#orders/domain/order.views';
import { DraftOrderCommand, DraftOrderInput } from './draft-order.command';
import { SubmitOrderCommand } from './submit-order.command';

/** Same fields as a draft: clients create and submit together. */
export class CreateOrderInput extends DraftOrderInput {}

/**
 * Draft + submit as one write (`bss order create`, the portal's "buy"): either the order exists
 * in progress with its decomposition queued, or nothing was written.
 */
@Verb({ name: 'order.create', input: CreateOrderInput, summary: 'Place an order (create + submit): a new line for a customer on a plan' })
@Injectable()
export class CreateOrderCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly draft: DraftOrderCommand,
    private readonly submit: SubmitOrderCommand,
  ) {}

  async execute(input: CreateOrderInput): Promise<OrderView> {
    const dto = await validateInput(CreateOrderInput, input);
    return this.uow.run(async (w) => {
      const drafted = await this.draft.executeIn(w, dto);
      return this.submit.executeIn(w, { orderId: drafted.id });
    });
  }
}
