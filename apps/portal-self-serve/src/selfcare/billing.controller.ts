import { Get, Param, Query, Req, Res } from '@nestjs/common';
import { CustomerQueries } from '@bss/crm';
import { PaymentQueries } from '@bss/payment';
import { chargePurposeLabel, chargeStatusLabel, formatPrice } from '@bss/web';
import { Gate, PortalController } from '#portal-self-serve/http/gates';
import { customerIdOf, type FastifyReply, type PortalRequest } from '#portal-self-serve/http/portal-request';
import { BRAND, PortalUi, supportEmail } from '#portal-self-serve/http/portal-ui';
import { renderReceiptPdf, toReceipt } from './receipt';

const PAGE_SIZE = 20;

/**
 * GET /billing/history?page — every charge attempt, newest first, 20 a page (0-based); each paid
 * one opens its receipt (page and PDF). Receipts are owner-bound: another customer's id is a 404.
 */
@PortalController('billing')
@Gate('linked')
export class BillingController {
  constructor(
    private readonly ui: PortalUi,
    private readonly payments: PaymentQueries,
    private readonly customers: CustomerQueries,
  ) {}

  @Get('history')
  async history(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Query('page') rawPage?: string): Promise<FastifyReply> {
    const customerId = customerIdOf(req);
    const page = Math.max(0, Math.min(10_000, Number.parseInt(rawPage ?? '0', 10) || 0));
    const [attempts, methods] = await Promise.all([this.payments.listAttempts(customerId), this.payments.listMethods(customerId)]);
    const last4 = new Map(methods.map((m) => [m.id, m.last4]));
    const rows = attempts.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map((a) => ({
      id: a.id,
      createdAt: a.createdAt,
      last4: last4.get(a.paymentMethodId) ?? '····',
      amountText: formatPrice(a.amount, a.currency),
      purposeText: chargePurposeLabel(a.purpose),
      statusText: chargeStatusLabel(a.status),
      statusTone: a.status === 'approved' ? 'ok' : a.status === 'pending' ? '' : 'err',
      reasonText: a.declineReason ? a.declineReason.replace(/_/g, ' ') : '',
      hasReceipt: a.status === 'approved',
    }));
    return this.ui.view(req, reply, { page: 'selfcare/billing', fragment: 'selfcare/_billing-rows' }, {
      title: 'Billing history',
      rows,
      page,
      hasNext: attempts.length > (page + 1) * PAGE_SIZE,
    });
  }

  @Get('receipts/:paymentId')
  async receipt(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('paymentId') paymentId: string): Promise<FastifyReply> {
    const receipt = await this.load(req, paymentId);
    reply.header('cache-control', 'private, no-store');
    return this.ui.page(req, reply, 'selfcare/receipt', { title: `Receipt ${receipt.number}`, receipt });
  }

  @Get('receipts/:paymentId/receipt.pdf')
  async receiptPdf(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('paymentId') paymentId: string): Promise<FastifyReply> {
    const receipt = await this.load(req, paymentId);
    const pdf = await renderReceiptPdf(receipt);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="receipt-${receipt.number}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  }

  private async load(req: PortalRequest, paymentId: string) {
    const customerId = customerIdOf(req);
    // The charge is looked up with the session's customer: a foreign id is NotFound, like an unknown one.
    const charge = await this.payments.receiptFor(customerId, paymentId);
    const customer = await this.customers.get(customerId);
    return toReceipt(charge, customer, { seller: BRAND.name, supportEmail: supportEmail() });
  }
}
