import { Get, Req, Res } from '@nestjs/common';
import { CatalogQueries } from '@bss/catalog';
import { SignupQueries } from '@bss/signup';
import { Clock } from '@bss/platform';
import { PromoQueries, type CustomerOffer } from '@bss/promos';
import { SubscriptionQueries } from '@bss/subscription';
import { Gate, PortalController } from '#portal-self-serve/http/gates';
import { sessionOf, type FastifyReply, type PortalRequest } from '#portal-self-serve/http/portal-request';
import { PortalUi } from '#portal-self-serve/http/portal-ui';
import { formatDate, toLineCard } from './line-view';

/** GET / — each line with live balance bars; an identity without a customer sees the empty state. */
@PortalController()
export class DashboardController {
  constructor(
    private readonly ui: PortalUi,
    private readonly clock: Clock,
    private readonly catalog: CatalogQueries,
    private readonly subscriptions: SubscriptionQueries,
    private readonly signups: SignupQueries,
    private readonly promos: PromoQueries,
  ) {}

  @Get()
  @Gate('session')
  async dashboard(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const session = sessionOf(req);
    const openSignup = await this.signups.openJourney(session.identityId);
    if (!session.customerId) return this.ui.view(req, reply, { page: 'selfcare/dashboard', fragment: 'selfcare/_lines' }, { title: 'My lines', cards: [], openSignup, formatDate });
    const [lines, now] = await Promise.all([this.subscriptions.listForCustomer(session.customerId), this.clock.now()]);
    const names = new Map<string, string>();
    for (const id of new Set(lines.flatMap((l) => [l.offeringId, l.pendingOfferingId].filter((x): x is string => !!x)))) {
      names.set(id, (await this.catalog.getOffering(id).catch(() => null))?.name ?? id);
    }
    const cards = lines.map((l) => toLineCard(l, names, now));
    // Targeted offers waiting for the next order; if promos cannot say, the list is simply not shown.
    const promoOffers: CustomerOffer[] = await this.promos.customerOffers(session.customerId).catch(() => []);
    return this.ui.view(req, reply, { page: 'selfcare/dashboard', fragment: 'selfcare/_lines' }, { title: 'My lines', cards, openSignup, promoOffers, formatDate });
  }
}
