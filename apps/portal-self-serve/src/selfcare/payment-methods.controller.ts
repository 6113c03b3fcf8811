import { Get, Param, Post, Req, Res } from '@nestjs/common';
import { IdentityQueries } from '@bss/identity';
import { AddPaymentCardCommand, PaymentQueries, RemovePaymentMethodCommand, SetDefaultPaymentMethodCommand } from '@bss/payment';
import { Gate, PortalAction, PortalController, StepUp } from '#portal-self-serve/http/gates';
import { customerIdOf, formOf, sessionOf, type FastifyReply, type PortalRequest } from '#portal-self-serve/http/portal-request';
import { PortalUi } from '#portal-self-serve/http/portal-ui';
import { ownedPaymentMethod } from './ownership';

function intOrRaw(value: string | undefined): number | string | undefined {
  if (value === undefined || value === '') return undefined;
  return /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : value;
}

/** Cards on file: list, add, remove, set default. Each write is stepped up and calls one payment command. */
@PortalController('payment-methods')
@Gate('linked')
export class PaymentMethodsController {
  constructor(
    private readonly ui: PortalUi,
    private readonly payments: PaymentQueries,
    private readonly identities: IdentityQueries,
    private readonly add: AddPaymentCardCommand,
    private readonly remove: RemovePaymentMethodCommand,
    private readonly setDefault: SetDefaultPaymentMethodCommand,
  ) {}

  @Get()
  async list(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const methods = await this.payments.listMethods(customerIdOf(req));
    return this.ui.view(req, reply, { page: 'selfcare/payment-methods', fragment: 'selfcare/_payment-methods' }, { title: 'Cards', methods });
  }

  /** The card form; a card number is typed only after the step-up, so it is never parked for replay. */
  @Get('add')
  async addPage(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const session = sessionOf(req);
    const confirmed = await this.identities.hasLiveGrant(session.identityId, session.sessionId, 'payment_method_add');
    return this.ui.page(req, reply, 'selfcare/payment-method-add', { title: 'Add a card', confirmed });
  }

  @Post('add')
  @StepUp('payment_method_add')
  @PortalAction('payment_method_add')
  async addCard(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    await this.add.execute({ customerId: customerIdOf(req), cardNumber: form.card_number ?? '', expMonth: intOrRaw(form.exp_month) as number, expYear: intOrRaw(form.exp_year) as number });
    return this.ui.redirect(req, reply, '/payment-methods?flash=card_added');
  }

  @Post(':pm/remove')
  @StepUp('payment_method_remove')
  @PortalAction('payment_method_remove')
  async removeCard(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('pm') pm: string): Promise<FastifyReply> {
    const method = await ownedPaymentMethod(req, pm, (c) => this.payments.listMethods(c));
    await this.remove.execute({ paymentMethodId: method.id });
    return this.ui.redirect(req, reply, '/payment-methods?flash=card_removed');
  }

  @Post(':pm/set-default')
  @StepUp('payment_method_set_default')
  @PortalAction('payment_method_set_default')
  async makeDefault(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('pm') pm: string): Promise<FastifyReply> {
    const method = await ownedPaymentMethod(req, pm, (c) => this.payments.listMethods(c));
    await this.setDefault.execute({ paymentMethodId: method.id });
    return this.ui.redirect(req, reply, '/payment-methods?flash=default_changed');
  }
}
