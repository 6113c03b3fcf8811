import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CatalogQueries } from '@bss/catalog';
import { InventoryQueries } from '@bss/inventory';
import { Clock } from '@bss/platform';
import { CancelPlanChangeCommand, VasSubscriptionCommand, SchedulePlanChangeCommand, SubscriptionQueries, TerminateSubscriptionCommand } from '@bss/subscription';
import { Gate, PortalAction, PortalController, RequiresConfirm, StepUp } from '#portal-self-serve/http/gates';
import { customerIdOf, formOf, type FastifyReply, type PortalRequest } from '#portal-self-serve/http/portal-request';
import { PortalUi } from '#portal-self-serve/http/portal-ui';
import { money, toPlanCard, type PlanCard } from '#portal-self-serve/public/plan-format';
import { qrPng, toEsimDisplay } from '#portal-self-serve/signup/esim.view';
import { formatDate, toLineCard } from './line-view';
import { ownedLine } from './ownership';

/** Everything done to one line: usage, top-up, plan switch, cancel, eSIM. Each write: one command. */
@PortalController()
@Gate('linked')
export class LineController {
  constructor(
    private readonly ui: PortalUi,
    private readonly clock: Clock,
    private readonly catalog: CatalogQueries,
    private readonly inventory: InventoryQueries,
    private readonly subscriptions: SubscriptionQueries,
    private readonly purchaseVas: VasSubscriptionCommand,
    private readonly schedulePlanChange: SchedulePlanChangeCommand,
    private readonly cancelPlanChange: CancelPlanChangeCommand,
    private readonly terminate: TerminateSubscriptionCommand,
  ) {}

  private line(req: PortalRequest, id: string | undefined) {
    return ownedLine(req, id, (x) => this.subscriptions.get(x));
  }

  @Get('usage')
  async usage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Query('subscription') id?: string): Promise<FastifyReply> {
    const line = await this.line(req, id);
    const events = await this.subscriptions.listUsage({ subscriptionId: line.id, limit: 50 });
    const card = toLineCard(line, new Map([[line.offeringId, (await this.catalog.getOffering(line.offeringId)).name]]), await this.clock.now());
    return this.ui.view(req, reply, { page: 'selfcare/usage', fragment: 'selfcare/_usage-rows' }, { title: 'Usage', card, events, formatDate });
  }

  @Get('top-up')
  async topUpPage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Query('subscription') id?: string, @Query('context') context?: string): Promise<FastifyReply> {
    const line = await this.line(req, id);
    const vas = await this.catalog.listVas();
    const preselect = context === 'blocked' ? vas.find((v) => v.allowanceType === 'data')?.id : undefined;
    return this.ui.page(req, reply, 'selfcare/top-up', { title: 'Top up', line, vas, preselect, money });
  }

  @Post('top-up')
  @StepUp('vas_purchase')
  @PortalAction('vas_purchase')
  async topUp(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const line = await this.line(req, form.subscription);
    await this.purchaseVas.execute({ subscriptionId: line.id, vasOfferingId: form.vas_offering_id ?? '' });
    return this.ui.redirect(req, reply, `/top-up/success?${new URLSearchParams({ subscription: line.id, vas: form.vas_offering_id ?? '' }).toString()}`);
  }

  @Get('top-up/success')
  async topUpDone(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Query('subscription') id?: string, @Query('vas') vasId?: string): Promise<FastifyReply> {
    const line = await this.line(req, id);
    const vas = vasId ? await this.catalog.getVas(vasId).catch(() => null) : null;
    return this.ui.page(req, reply, 'selfcare/top-up-success', { title: 'Topped up', line, vas, card: toLineCard(line, new Map(), await this.clock.now()) });
  }

  @Get('plan/change')
  async planChangePage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Query('subscription') id?: string): Promise<FastifyReply> {
    const line = await this.line(req, id);
    const plans = (await this.catalog.listActiveOfferings(await this.clock.now())).map(toPlanCard).filter((p): p is PlanCard => p !== null);
    // A switch already scheduled locks the form (options and button disabled) until it is cancelled.
    const pendingPlanName = line.pendingOfferingId ? (plans.find((p) => p.id === line.pendingOfferingId)?.name ?? line.pendingOfferingId) : null;
    return this.ui.page(req, reply, 'selfcare/plan-change', { title: 'Switch plan', line, plans, pendingPlanName, formatDate });
  }

  @Post('plan/change')
  @StepUp('plan_change_schedule')
  @PortalAction('plan_change_schedule')
  async planChange(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const line = await this.line(req, form.subscription);
    await this.schedulePlanChange.execute({ subscriptionId: line.id, offeringId: form.new_offering_id ?? '' });
    return this.ui.redirect(req, reply, `/plan/change/scheduled?subscription=${line.id}`);
  }

  @Get('plan/change/scheduled')
  async planChangeScheduled(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Query('subscription') id?: string): Promise<FastifyReply> {
    const line = await this.line(req, id);
    const pending = line.pendingOfferingId ? await this.catalog.getOffering(line.pendingOfferingId) : null;
    return this.ui.page(req, reply, 'selfcare/plan-change-scheduled', { title: 'Plan switch scheduled', line, pending, formatDate });
  }

  @Post('plan/change/cancel')
  @StepUp('plan_change_cancel')
  @PortalAction('plan_change_cancel')
  async planChangeCancel(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const line = await this.line(req, form.subscription_id ?? form.subscription);
    await this.cancelPlanChange.execute({ subscriptionId: line.id });
    return this.ui.redirect(req, reply, '/?flash=plan_change_cancelled');
  }

  @Get('subscription/:id/cancel')
  async cancelPage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Query('step') step?: string): Promise<FastifyReply> {
    const line = await this.line(req, id);
    const planName = (await this.catalog.getOffering(line.offeringId)).name;
    return this.ui.page(req, reply, 'selfcare/cancel', { title: 'Cancel line', line, planName, confirmOpen: step === 'confirm', formatDate });
  }

  /** Step two of the two-step confirm, as a fragment (HTMX) or the page with the panel open. */
  @Get('subscription/:id/cancel/confirm')
  async cancelConfirm(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const line = await this.line(req, id);
    const planName = (await this.catalog.getOffering(line.offeringId)).name;
    return this.ui.view(req, reply, { page: 'selfcare/cancel', fragment: 'selfcare/_cancel-confirm' }, { title: 'Cancel line', line, planName, confirmOpen: true, formatDate });
  }

  @Post('subscription/:id/cancel')
  @RequiresConfirm((p) => `/subscription/${encodeURIComponent(p.id ?? '')}/cancel`)
  @StepUp('subscription_terminate')
  @PortalAction('subscription_terminate')
  async cancel(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const line = await this.line(req, id);
    await this.terminate.execute({ subscriptionId: line.id, reason: 'customer_requested' });
    return this.ui.redirect(req, reply, `/subscription/${line.id}/cancelled`);
  }

  @Get('subscription/:id/cancelled')
  async cancelled(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const line = await this.line(req, id);
    return this.ui.page(req, reply, 'selfcare/cancelled', { title: 'Line cancelled', line, formatDate });
  }

  @Get('esim/:id')
  async esim(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const line = await this.line(req, id);
    const esim = await toEsimDisplay(await this.inventory.activation(line.iccid));
    return this.ui.page(req, reply, 'signup/esim', { title: 'Your eSIM', esim, line, fromSignup: false, customerId: customerIdOf(req) });
  }

  @Get('esim/:id/qr.png')
  async esimPng(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const line = await this.line(req, id);
    const activation = await this.inventory.activation(line.iccid);
    return reply.header('content-type', 'image/png').header('cache-control', 'private, no-store').send(await qrPng(activation.activationCode));
  }
}
