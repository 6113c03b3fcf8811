import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import type { OrderView } from '../domain/order.views';
import { CreateOrderCommand, CreateOrderInput } from './create-order.command';
import { SubmitOrderCommand } from './submit-order.command';

/** Same fields as create: clients normally create and submit together. */
export class PlaceOrderInput extends CreateOrderInput {}

/**
 * Create + submit as one write (`bss order create`, the portal's "buy"): either the order exists
 * in progress with its decomposition queued, or nothing was written.
 */
@Verb({ name: 'order.create', input: PlaceOrderInput, summary: 'Place an order (create + submit): a new line for a customer on a plan' })
@Injectable()
export class PlaceOrderCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly create: CreateOrderCommand,
    private readonly submit: SubmitOrderCommand,
  ) {}

  async execute(input: PlaceOrderInput): Promise<OrderView> {
    const dto = await validateInput(PlaceOrderInput, input);
    return this.uow.run(async (w) => {
      const created = await this.create.executeIn(w, dto);
      return this.submit.executeIn(w, { orderId: created.id });
    });
  }
}
