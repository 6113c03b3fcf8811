import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  CancelOrderCommand,
  DraftOrderCommand,
  FAULT_TYPES,
  FaultProvisioningCommand,
  ORDER_STATES,
  OrderQueries,
  ProvisioningQueries,
  ResolveStuckTaskCommand,
  RetryFailedTaskCommand,
  SubmitOrderCommand,
  type FaultType,
  type OrderState,
} from '@bss/orders';
import { formOf, GateRedirect } from '@bss/web';
import type { CockpitRequest, FastifyReply } from '#cockpit/http/cockpit-request';
import { Back, CockpitController, RequiresConfirm } from '#cockpit/http/cockpit-routes';
import { CockpitUi } from '#cockpit/http/cockpit-ui';
import { panels } from '#cockpit/http/panels';

const PAGE_SIZE = 25;
const orderPage = (p: Record<string, string>) => `/orders/${p.id}`;

/** The cross-customer order queue, order detail with the COM→SOM decomposition, provisioning tasks. */
@CockpitController('orders')
export class OrdersController {
  constructor(
    private readonly ui: CockpitUi,
    private readonly orders: OrderQueries,
    private readonly provisioning: ProvisioningQueries,
    private readonly draft: DraftOrderCommand,
    private readonly submit: SubmitOrderCommand,
    private readonly cancel: CancelOrderCommand,
    private readonly retryTask: RetryFailedTaskCommand,
    private readonly resolveTask: ResolveStuckTaskCommand,
    private readonly fault: FaultProvisioningCommand,
  ) {}

  @Get()
  async queue(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Query('state') state = '', @Query('customer') customer = '', @Query('page') page = '1'): Promise<FastifyReply> {
    const orderState = (ORDER_STATES as readonly string[]).includes(state) ? (state as OrderState) : undefined;
    const customerId = /^CUST-[0-9a-f]{8}$/.test(customer) ? customer : undefined;
    const pageNo = Math.max(1, Math.min(1000, Number.parseInt(page, 10) || 1));
    const [upTo, faults] = await panels([this.orders.list({ state: orderState, customerId, limit: pageNo * PAGE_SIZE + 1 }), this.provisioning.listFaultRules()] as const);
    const rows = upTo.ok ? upTo.value.slice((pageNo - 1) * PAGE_SIZE) : [];
    return this.ui.page(req, reply, 'orders/queue', {
      title: 'Orders',
      rows: rows.slice(0, PAGE_SIZE),
      queueError: upTo.ok ? null : upTo.error,
      faults,
      faultTypes: FAULT_TYPES,
      hasNext: rows.length > PAGE_SIZE,
      page: pageNo,
      state: orderState ?? '',
      customer: customerId ?? '',
      states: ORDER_STATES,
    });
  }

  /** Create only (§4.2): the order waits, drafted, until someone submits it through the confirm panel. */
  @Post('create')
  async create(@Req() req: CockpitRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const order = await this.draft.execute({
      customerId: form.customer_id ?? '',
      offeringId: form.offering_id ?? '',
      msisdnPreference: form.msisdn?.replace(/\D/g, '') || undefined,
      promoCode: form.promo_code?.trim() || undefined,
    });
    return this.ui.done(req, reply, `/orders/${order.id}`, `Order ${order.id} drafted; submit it from its confirm panel`);
  }

  @Get('jump')
  jump(@Query('order_id') orderId = ''): never {
    throw new GateRedirect(/^ORD-\d{4,}$/.test(orderId.trim()) ? `/orders/${orderId.trim()}` : '/orders?err=' + encodeURIComponent('Order ids look like ORD-0001'));
  }

  @Get(':id')
  async show(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const order = await this.orders.get(id);
    return this.ui.page(req, reply, 'orders/order', { title: order.id, order });
  }

  @Post(':id/submit')
  @RequiresConfirm(orderPage)
  async submitOrder(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const order = await this.submit.execute({ orderId: id });
    return this.ui.done(req, reply, `/orders/${id}`, `Order ${order.id} submitted: ${order.state}`);
  }

  @Post(':id/cancel')
  @RequiresConfirm(orderPage)
  async cancelOrder(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const order = await this.cancel.execute({ orderId: id, reason: formOf(req).reason || undefined });
    return this.ui.done(req, reply, `/orders/${id}`, `Order ${order.id} cancelled`);
  }

  @Post(':id/task/:taskId/retry')
  @Back(orderPage)
  async retry(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Param('taskId') taskId: string): Promise<FastifyReply> {
    await this.retryTask.execute({ taskId });
    return this.ui.done(req, reply, `/orders/${id}`, `Task ${taskId} queued for another run`);
  }

  @Post(':id/task/:taskId/resolve')
  @Back(orderPage)
  async resolve(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Param('taskId') taskId: string): Promise<FastifyReply> {
    await this.resolveTask.execute({ taskId, note: formOf(req).note ?? '' });
    return this.ui.done(req, reply, `/orders/${id}`, `Task ${taskId} resolved by hand`);
  }

  /** Fault injection breaks provisioning for every order: a danger route like the others. */
  @Post('faults')
  @RequiresConfirm(() => '/orders')
  async injectFault(@Req() req: CockpitRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const probability = form.probability ? Number(form.probability) : undefined;
    await this.fault.execute({ taskType: form.task_type ?? '', faultType: form.fault_type as FaultType, enabled: form.enabled !== 'no', probability });
    return this.ui.done(req, reply, '/orders', `Fault rule ${form.task_type}/${form.fault_type} ${form.enabled === 'no' ? 'disabled' : 'enabled'}`);
  }
}
