import { Injectable } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { CATALOG_ID_PATTERN } from '#catalog/domain/catalog.types';
import { ProductOfferingPriceEntity } from '#catalog/domain/product-offering-price.entity';
import { isActiveAt } from '#catalog/domain/validity-window';
import { assertCatalogAdmin, assertPriceMayEnd } from '#catalog/policies/catalog.policies';
import { toPriceView, type PriceView } from '#catalog/queries/catalog.queries';
import { lockOffering } from './catalog-admin';

export class EndPriceInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'priceId must be UPPER_SNAKE' }) priceId!: string;
}

export interface EndPriceResult {
  price: PriceView;
  /** `ended`: its window now closes now; `withdrawn`: it had not started, so no renewal can have pinned it and the row is gone. */
  outcome: 'ended' | 'withdrawn' | 'already_ended';
}

/**
 * Ends a price now: its row gets `validTo` = now and stays (renewals that pinned it still read it).
 * A row that has not started yet is withdrawn instead. PV `catalog.price.last_current` when it is the
 * only current price of an offering on sale.
 */
@Verb({ name: 'admin.catalog.end_price', input: EndPriceInput, summary: 'End a price row now (a scheduled one is withdrawn); refused for the only current price of an offering on sale', destructive: true })
@Injectable()
export class EndPriceCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: EndPriceInput): Promise<EndPriceResult> {
    const dto = await validateInput(EndPriceInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: EndPriceInput): Promise<EndPriceResult> {
    assertCatalogAdmin(w.auth.actor);
    const found = await w.tx.findOneBy(ProductOfferingPriceEntity, { id: dto.priceId, tenantId: w.auth.tenant });
    if (!found) throw new NotFound('product_offering_price', dto.priceId);
    const offering = await lockOffering(w, found.offeringId);
    const rows = await w.tx.findBy(ProductOfferingPriceEntity, { offeringId: offering.id });
    const price = rows.find((p) => p.id === dto.priceId)!;
    if (price.validTo && price.validTo.getTime() <= w.now.getTime()) return { price: toPriceView(price), outcome: 'already_ended' };

    const current = (p: ProductOfferingPriceEntity) => p.priceType === 'recurring' && isActiveAt(p, w.now);
    const onSale = offering.isSellable && offering.lifecycleStatus === 'active' && isActiveAt(offering, w.now);
    assertPriceMayEnd(price.id, { id: offering.id, onSale }, current(price), rows.filter((p) => p.id !== price.id && current(p)).map((p) => p.id));

    const view = toPriceView(price);
    let outcome: EndPriceResult['outcome'];
    if (price.validFrom && price.validFrom.getTime() > w.now.getTime()) {
      await w.tx.delete(ProductOfferingPriceEntity, { id: price.id });
      outcome = 'withdrawn';
    } else {
      price.validTo = w.now;
      await w.tx.save(price);
      view.validTo = w.now;
      outcome = 'ended';
    }
    await w.emit({
      eventType: 'catalog.price_ended',
      aggregateType: 'product_offering',
      aggregateId: offering.id,
      payload: { offeringId: offering.id, priceId: price.id, outcome, at: w.now.toISOString() },
    });
    return { price: view, outcome };
  }
}
