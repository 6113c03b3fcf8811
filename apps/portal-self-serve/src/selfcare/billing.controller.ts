import { Get, Query, Req, Res } from '@nestjs/common';
import { PaymentQueries } from '@bss/payment';
import { Gate, PortalController } from '../http/gates';
import { customerIdOf, type FastifyReply, type PortalRequest } from '../http/portal-request';
import { PortalUi } from '../http/portal-ui';
import { money } from '../public/plan-format';

const PAGE_SIZE = 20;

/** GET /billing/history?page — every charge attempt, newest first, 20 a page (0-based). */
@PortalController('billing')
@Gate('linked')
export class BillingController {
  constructor(
    private readonly ui: PortalUi,
    private readonly payments: PaymentQueries,
  ) {}

  @Get('history')
  async history(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Query('page') rawPage?: string): Promise<FastifyReply> {
    const customerId = customerIdOf(req);
    const page = Math.max(0, Math.min(10_000, Number.parseInt(rawPage ?? '0', 10) || 0));
    const [attempts, methods] = await Promise.all([this.payments.listAttempts(customerId), this.payments.listMethods(customerId)]);
    const last4 = new Map(methods.map((m) => [m.id, m.last4]));
    const rows = attempts.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map((a) => ({ ...a, last4: last4.get(a.paymentMethodId) ?? '····', amountText: money(a.amount, a.currency) }));
    return this.ui.view(req, reply, { page: 'selfcare/billing', fragment: 'selfcare/_billing-rows' }, {
      title: 'Billing history',
      rows,
      page,
      hasNext: attempts.length > (page + 1) * PAGE_SIZE,
    });
  }
}
