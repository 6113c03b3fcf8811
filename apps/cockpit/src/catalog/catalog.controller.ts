import { Get, Param, Post, Req, Res } from '@nestjs/common';
import { CatalogQueries, isActiveAt, SetPriceCommand, WindowOfferingCommand } from '@bss/catalog';
import { Clock } from '@bss/platform';
import { PromoQueries } from '@bss/promos';
import { formOf } from '@bss/web';
import type { CockpitRequest, FastifyReply } from '#cockpit/http/cockpit-request';
import { AdminOnly, Back, CockpitController } from '#cockpit/http/cockpit-routes';
import { CockpitUi } from '#cockpit/http/cockpit-ui';
import { panels } from '#cockpit/http/panels';

const offeringPage = (p: Record<string, string>) => `/catalog/${p.id}`;

/** A `datetime-local` or ISO value as the strict ISO-8601 the catalog commands take; blank → undefined. */
function isoOrUndefined(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const date = new Date(value.trim().length === 16 ? `${value.trim()}:00Z` : value.trim());
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** Plans, VAS and promotions; admins may change a price or a sale window. */
@CockpitController('catalog')
export class CatalogController {
  constructor(
    private readonly ui: CockpitUi,
    private readonly clock: Clock,
    private readonly catalog: CatalogQueries,
    private readonly promos: PromoQueries,
    private readonly setPrice: SetPriceCommand,
    private readonly windowOffering: WindowOfferingCommand,
  ) {}

  @Get()
  async index(@Req() req: CockpitRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const now = await this.clock.now();
    const [plans, vas, promotions] = await panels([this.catalog.listActiveOfferings(now), this.catalog.listVas(), this.promos.list()] as const);
    return this.ui.page(req, reply, 'catalog/catalog', { title: 'Catalog', plans, vas, promotions });
  }

  @Get(':id')
  async show(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const now = await this.clock.now();
    const offering = await this.catalog.getOffering(id);
    const prices = offering.prices.map((price) => ({ price, active: isActiveAt(price, now) }));
    return this.ui.page(req, reply, 'catalog/offering', { title: offering.id, product: offering, prices, isAdmin: req.cockpit.operator?.role === 'admin' });
  }

  @Post(':id/price')
  @AdminOnly()
  @Back(offeringPage)
  async price(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    const result = await this.setPrice.execute({ offeringId: id, priceId: form.price_id ?? '', amount: form.amount ?? '', validFrom: isoOrUndefined(form.valid_from), retireCurrent: form.retire_current === 'yes' });
    return this.ui.done(req, reply, `/catalog/${id}`, `Price ${result.price.id} set`);
  }

  @Post(':id/window')
  @AdminOnly()
  @Back(offeringPage)
  async window(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    await this.windowOffering.execute({ offeringId: id, validFrom: isoOrUndefined(form.valid_from) ?? null, validTo: isoOrUndefined(form.valid_to) ?? null });
    return this.ui.done(req, reply, `/catalog/${id}`, 'Sale window changed');
  }
}
