import { Injectable } from '@nestjs/common';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InteractionLog } from '@bss/crm';
import { validateInput, Verb } from '@bss/platform';
import { ServiceOrderEntity } from '#orders/domain/service-order.entity';
import { toOrderView, type OrderView } from '#orders/domain/order.views';
import { assertCancelBeforeSomStarted } from '#orders/policies/order.policies';
import { ORDER_ID_PATTERN } from '#orders/domain/order.ids';
import { itemOf, lockOrder, transitionOrder } from './order-steps';

export class CancelOrderInput {
  @IsString() @Matches(ORDER_ID_PATTERN, { message: 'orderId must look like ORD-0001' }) orderId!: string;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

/**
 * COM cancel: allowed while acknowledged, or in progress as long as SOM has not started (every
 * service order still acknowledged). A queued decomposition then finds the order cancelled and
 * does nothing; nothing was reserved or charged yet.
 */
@Verb({
  name: 'order.cancel',
  input: CancelOrderInput,
  summary: 'Cancel an order (only before service order management has started)',
  destructive: true,
})
@Injectable()
export class CancelOrderCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
  ) {}

  async execute(input: CancelOrderInput): Promise<OrderView> {
    const dto = await validateInput(CancelOrderInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: CancelOrderInput): Promise<OrderView> {
    const order = await lockOrder(w, dto.orderId);
    const item = await itemOf(w, order.id);
    const serviceOrders = await w.tx.find(ServiceOrderEntity, { where: { commercialOrderId: order.id } });
    assertCancelBeforeSomStarted(order, serviceOrders.map((so) => so.state));
    await transitionOrder(w, order, item, 'cancel', { reason: dto.reason ?? null, interactions: this.interactions });
    return toOrderView(order, item);
  }
}
