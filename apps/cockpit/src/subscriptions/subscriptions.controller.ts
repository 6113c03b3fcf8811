import { Get, Param, Post, Req, Res } from '@nestjs/common';
import { CatalogQueries } from '@bss/catalog';
import { InventoryQueries } from '@bss/inventory';
import { ServiceQueries } from '@bss/orders';
import { Clock } from '@bss/platform';
import {
  CancelPlanChangeCommand,
  RenewSubscriptionCommand,
  SchedulePlanChangeCommand,
  SubscriptionQueries,
  TerminateSubscriptionCommand,
  TERMINATION_REASONS,
  VasSubscriptionCommand,
  type TerminationReason,
} from '@bss/subscription';
import { formOf } from '@bss/web';
import type { CockpitRequest, FastifyReply } from '#cockpit/http/cockpit-request';
import { Back, CockpitController, RequiresConfirm } from '#cockpit/http/cockpit-routes';
import { CockpitUi } from '#cockpit/http/cockpit-ui';
import { panels } from '#cockpit/http/panels';
import { usedBars } from '#cockpit/customers/line-bars';

const USAGE_SHOWN = 15;
const linePage = (p: Record<string, string>) => `/subscriptions/${p.id}`;

/** Subscription detail: balances, SOM services, usage, eSIM, price and promo; plan change, VAS, renew, terminate. */
@CockpitController('subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly ui: CockpitUi,
    private readonly clock: Clock,
    private readonly lines: SubscriptionQueries,
    private readonly services: ServiceQueries,
    private readonly inventory: InventoryQueries,
    private readonly catalog: CatalogQueries,
    private readonly schedulePlanChange: SchedulePlanChangeCommand,
    private readonly cancelPlanChange: CancelPlanChangeCommand,
    private readonly renew: RenewSubscriptionCommand,
    private readonly vas: VasSubscriptionCommand,
    private readonly terminate: TerminateSubscriptionCommand,
  ) {}

  @Get(':id')
  async show(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const line = await this.lines.get(id);
    const now = await this.clock.now();
    const [usage, services, esim, offerings, vasList] = await panels([
      this.lines.listUsage({ subscriptionId: id, limit: USAGE_SHOWN }),
      this.services.listForSubscription(id),
      this.inventory.getEsim(line.iccid),
      this.catalog.listActiveOfferings(now),
      this.catalog.listVas(),
    ] as const);
    return this.ui.page(req, reply, 'subscriptions/subscription', {
      title: line.id,
      line,
      bars: usedBars(line.balances),
      usage,
      services,
      esim,
      planChoices: offerings,
      vasList,
      reasons: TERMINATION_REASONS,
    });
  }

  @Post(':id/plan-change')
  @Back(linePage)
  async planChange(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    await this.schedulePlanChange.execute({ subscriptionId: id, offeringId: form.offering_id ?? '' });
    return this.ui.done(req, reply, `/subscriptions/${id}`, `Plan change to ${form.offering_id} scheduled for the next renewal`);
  }

  @Post(':id/plan-change/cancel')
  @Back(linePage)
  async planChangeCancel(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    await this.cancelPlanChange.execute({ subscriptionId: id });
    return this.ui.done(req, reply, `/subscriptions/${id}`, 'Pending plan change cancelled');
  }

  @Post(':id/renew')
  @RequiresConfirm(linePage)
  async renewNow(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const result = await this.renew.execute({ subscriptionId: id });
    return this.ui.done(req, reply, `/subscriptions/${id}`, `Renewal: ${result.outcome}`);
  }

  @Post(':id/vas')
  @RequiresConfirm(linePage)
  async buyVas(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    const result = await this.vas.execute({ subscriptionId: id, vasOfferingId: form.vas_offering_id ?? '' });
    return this.ui.done(req, reply, `/subscriptions/${id}`, `Top-up ${result.vasPurchase.vasOfferingId} applied (${result.vasPurchase.id}), charged ${result.vasPurchase.priceAmount} ${result.vasPurchase.currency}`);
  }

  @Post(':id/terminate')
  @RequiresConfirm(linePage)
  async terminateLine(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    const reason = (TERMINATION_REASONS as readonly string[]).includes(form.reason) ? (form.reason as TerminationReason) : 'csr_initiated';
    // [improve] §7.6: an unticked box really keeps the number out of the pool (the form has no default).
    await this.terminate.execute({ subscriptionId: id, reason, releaseInventory: form.release_inventory === 'yes' });
    return this.ui.done(req, reply, `/subscriptions/${id}`, `Line ${id} terminated`);
  }
}
