import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  AddContactMediumCommand,
  CaseQueries,
  ChangeCustomerStatusCommand,
  CUSTOMER_STATUSES,
  CustomerQueries,
  InteractionQueries,
  LogInteractionCommand,
  OpenCaseCommand,
  RemoveContactMediumCommand,
  UpdateContactMediumCommand,
  UpdateIndividualCommand,
  type CaseCategory,
  type CaseSummaryView,
  type CustomerStatus,
  type CustomerView,
  type InteractionDirection,
  type InteractionSummaryView,
  type MediumType,
  type Priority,
} from '@bss/crm';
import { OrderQueries } from '@bss/orders';
import { PaymentQueries } from '@bss/payment';
import { isBssError } from '@bss/platform';
import { SubscriptionQueries } from '@bss/subscription';
import { formOf } from '@bss/web';
import type { CockpitRequest, FastifyReply } from '#cockpit/http/cockpit-request';
import { Back, CockpitController, RequiresConfirm } from '#cockpit/http/cockpit-routes';
import { CockpitUi } from '#cockpit/http/cockpit-ui';
import { panels, type Panel } from '#cockpit/http/panels';
import { usedBars } from './line-bars';

const PAGE_SIZE = 25;
const CUSTOMER_INTERACTIONS = 15;
const customerPage = (p: Record<string, string>) => `/customers/${p.id}`;

/** The digits of something typed like a phone number (`+65 9123 4567`), else null. */
export function msisdnCandidates(q: string): string[] {
  if (!/^\+?[\d\s-]{8,20}$/.test(q)) return [];
  const digits = q.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return [];
  // Numbers are stored with their country code; an operator often types the 8 local digits.
  return digits.length === 8 ? [digits, `65${digits}`] : digits.startsWith('65') && digits.length === 10 ? [digits, digits.slice(2)] : [digits];
}

/** Customer search (name, MSISDN, email) and the customer 360 with its writes. */
@CockpitController('customers')
export class CustomersController {
  constructor(
    private readonly ui: CockpitUi,
    private readonly customers: CustomerQueries,
    private readonly cases: CaseQueries,
    private readonly interactions: InteractionQueries,
    private readonly lines: SubscriptionQueries,
    private readonly orders: OrderQueries,
    private readonly payments: PaymentQueries,
    private readonly openCase: OpenCaseCommand,
    private readonly logInteraction: LogInteractionCommand,
    private readonly addContact: AddContactMediumCommand,
    private readonly updateContact: UpdateContactMediumCommand,
    private readonly removeContact: RemoveContactMediumCommand,
    private readonly changeStatus: ChangeCustomerStatusCommand,
    private readonly updateIndividual: UpdateIndividualCommand,
  ) {}

  /** MSISDN → the exact line's customer; an email → its holder; else a name substring (+ state). */
  @Get()
  async search(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Query('q') q = '', @Query('state') state = '', @Query('page') page = '1'): Promise<FastifyReply> {
    const query = q.trim().slice(0, 120);
    const status = (CUSTOMER_STATUSES as readonly string[]).includes(state) ? (state as CustomerStatus) : undefined;
    const pageNo = Math.max(1, Math.min(1000, Number.parseInt(page, 10) || 1));
    let results: CustomerView[] = [];
    let matchedBy = 'name';
    const numbers = msisdnCandidates(query);
    if (numbers.length) {
      matchedBy = 'msisdn';
      for (const msisdn of numbers) {
        const line = await this.lines.getByMsisdn(msisdn).catch((error: unknown) => (isBssError(error) ? null : Promise.reject(error)));
        if (line) {
          results = [await this.customers.get(line.customerId)];
          break;
        }
      }
    } else if (query.includes('@')) {
      matchedBy = 'email';
      const holder = await this.customers.findByEmail(query);
      results = holder ? [holder] : [];
    } else {
      // Fetch one more than a page to know whether there is a next one.
      const upTo = await this.customers.list({ name: query || undefined, status, limit: pageNo * PAGE_SIZE + 1 });
      results = upTo.slice((pageNo - 1) * PAGE_SIZE);
    }
    const hasNext = results.length > PAGE_SIZE;
    return this.ui.page(req, reply, 'customers/search', { title: 'Customers', q: query, state: status ?? '', matchedBy, results: results.slice(0, PAGE_SIZE), page: pageNo, hasNext });
  }

  /**
   * The 360: four reads in parallel, one per context (CRM's customer with its cases and
   * interactions is one statement); each panel degrades alone. Should the CRM read fail, the
   * customer, cases and interactions are read apart so a failing cases or interactions read greys
   * out its own panel only.
   */
  @Get(':id')
  async show(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const [crm, lines, orders, cards] = await panels([
      this.customers.getWithActivity(id, { cases: PAGE_SIZE, interactions: CUSTOMER_INTERACTIONS }),
      this.lines.lineSummaries(id),
      this.orders.summariesForCustomer(id, PAGE_SIZE),
      this.payments.cardSummaries(id),
    ] as const);
    let customer: CustomerView;
    let cases: Panel<readonly CaseSummaryView[]>;
    let interactions: Panel<readonly InteractionSummaryView[]>;
    if (crm.ok) {
      ({ customer } = crm.value);
      cases = { ok: true, value: crm.value.cases };
      interactions = { ok: true, value: crm.value.interactions };
    } else {
      const customerRead = this.customers.get(id);
      customerRead.catch(() => undefined);
      [cases, interactions] = await panels([this.cases.list({ customerId: id, limit: PAGE_SIZE }), this.interactions.listForCustomer(id, CUSTOMER_INTERACTIONS)] as const);
      customer = await customerRead;
    }
    const lineRows = lines.ok ? { ok: true as const, value: lines.value.map((line) => ({ line, bars: usedBars(line.balances) })) } : lines;
    return this.ui.page(req, reply, 'customers/customer-360', { title: customer.name, customer, lines: lineRows, orders, cases, interactions, cards });
  }

  @Post(':id/case')
  @Back(customerPage)
  async caseOpen(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    const kase = await this.openCase.execute({ customerId: id, subject: form.subject ?? '', description: form.description || undefined, priority: (form.priority || undefined) as Priority | undefined, category: (form.category || undefined) as CaseCategory | undefined });
    return this.ui.done(req, reply, `/case/${kase.id}`, `Opened ${kase.id}`);
  }

  @Post(':id/interaction')
  @Back(customerPage)
  async interaction(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    await this.logInteraction.execute({ customerId: id, summary: form.summary ?? '', body: form.body || undefined, channel: 'portal-csr', direction: (form.direction || undefined) as InteractionDirection | undefined });
    return this.ui.done(req, reply, `/customers/${id}`, 'Interaction logged');
  }

  @Post(':id/name')
  @Back(customerPage)
  async rename(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    const customer = await this.updateIndividual.execute({ customerId: id, givenName: form.given_name || undefined, familyName: form.family_name || undefined });
    return this.ui.done(req, reply, `/customers/${id}`, `Name now ${customer.name}`);
  }

  @Post(':id/contact')
  @Back(customerPage)
  async contactAdd(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    await this.addContact.execute({ customerId: id, mediumType: form.medium_type as MediumType, value: form.value ?? '', isPrimary: form.is_primary === 'yes' ? true : undefined });
    return this.ui.done(req, reply, `/customers/${id}`, 'Contact added');
  }

  @Post(':id/contact/:mid')
  @Back(customerPage)
  async contactEdit(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Param('mid') mid: string): Promise<FastifyReply> {
    const form = formOf(req);
    await this.updateContact.execute({ customerId: id, contactMediumId: mid, value: form.value || undefined, isPrimary: form.is_primary === 'yes' ? true : undefined });
    return this.ui.done(req, reply, `/customers/${id}`, `Contact ${mid} updated`);
  }

  @Post(':id/contact/:mid/remove')
  @RequiresConfirm(customerPage)
  async contactRemove(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Param('mid') mid: string): Promise<FastifyReply> {
    await this.removeContact.execute({ customerId: id, contactMediumId: mid });
    return this.ui.done(req, reply, `/customers/${id}`, `Contact ${mid} removed`);
  }

  @Post(':id/close')
  @RequiresConfirm(customerPage)
  async close(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    await this.changeStatus.execute({ customerId: id, status: 'closed', reason: form.reason || undefined });
    return this.ui.done(req, reply, `/customers/${id}`, `Customer ${id} closed`);
  }
}
