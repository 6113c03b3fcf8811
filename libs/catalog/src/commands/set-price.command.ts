import { Injectable } from '@nestjs/common';
import { IsBoolean, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { IsNull } from 'typeorm';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InvalidInput, validateInput, Verb } from '@bss/platform';
import { CATALOG_ID_PATTERN, CURRENCY_PATTERN, DEFAULT_CURRENCY, POSITIVE_AMOUNT_PATTERN } from '#catalog/domain/catalog.types';
import { ProductOfferingPriceEntity } from '#catalog/domain/product-offering-price.entity';
import { assertPriceIsNew } from '#catalog/policies/catalog.policies';
import { toPriceView, type PriceView } from '#catalog/queries/catalog.queries';
import { adminWindow, lockOffering } from './catalog-admin';

export class SetPriceInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'offeringId must be UPPER_SNAKE, e.g. PLAN_M' }) offeringId!: string;
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'priceId must be UPPER_SNAKE, e.g. PRICE_PLAN_M_PROMO' }) priceId!: string;
  /** Monthly recurring amount, e.g. "20.00". */
  @IsString() @Matches(POSITIVE_AMOUNT_PATTERN, { message: 'amount must be a positive amount with at most 2 decimals, e.g. 20.00' }) amount!: string;
  /** Default SGD. */
  @IsOptional() @IsString() @Matches(CURRENCY_PATTERN, { message: 'currency must be a 3-letter code, e.g. SGD' }) currency?: string;
  @IsOptional() @IsISO8601({ strict: true }, { message: 'validFrom must be an ISO-8601 date-time' }) validFrom?: string;
  /** Exclusive. */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'validTo must be an ISO-8601 date-time' }) validTo?: string;
  /** End every open-ended row that has started by the new row's start (or now). */
  @IsOptional() @IsBoolean() retireCurrent?: boolean;
}

export interface SetPriceResult {
  price: PriceView;
  /** Rows that got `validTo` = the new row's start. */
  retiredPriceIds: string[];
}

/**
 * Adds a recurring monthly price row to an offering. A cheaper windowed row is a catalog promo
 * (lowest active price wins); `retireCurrent` replaces the price from `validFrom` (or now) on.
 */
@Verb({
  name: 'admin.catalog.set_price',
  input: SetPriceInput,
  summary: 'Add a monthly price row to an offering (a cheaper windowed row is a promo; --retire-current replaces the price)',
})
@Injectable()
export class SetPriceCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: SetPriceInput): Promise<SetPriceResult> {
    const dto = await validateInput(SetPriceInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: SetPriceInput): Promise<SetPriceResult> {
    const window = adminWindow(w, dto);
    // The lock serialises price changes per offering, so two retirements cannot interleave.
    const offering = await lockOffering(w, dto.offeringId);
    assertPriceIsNew(dto.priceId, await w.tx.existsBy(ProductOfferingPriceEntity, { id: dto.priceId }));

    // Retiring replaces the price from its start on (or from now), so the new row starts there too
    // and the history before it stays as it was.
    const validFrom = window.validFrom ?? (dto.retireCurrent ? w.now : null);
    if (validFrom && window.validTo && window.validTo.getTime() <= validFrom.getTime()) {
      throw new InvalidInput([{ field: 'validTo', messages: [`validTo must be after the new price's start (${validFrom.toISOString()})`] }]);
    }
    const retired: ProductOfferingPriceEntity[] = [];
    if (dto.retireCurrent && validFrom) {
      // Open-ended rows that start after the cutoff are scheduled, not current: ending them there
      // would give them an empty window.
      const open = await w.tx.findBy(ProductOfferingPriceEntity, { offeringId: offering.id, validTo: IsNull() });
      for (const row of open.filter((p) => p.validFrom === null || p.validFrom.getTime() < validFrom.getTime())) {
        row.validTo = validFrom;
        retired.push(row);
      }
      await w.tx.save(ProductOfferingPriceEntity, retired);
    }

    await w.tx.insert(ProductOfferingPriceEntity, {
      id: dto.priceId,
      offeringId: offering.id,
      priceType: 'recurring',
      recurringPeriodLength: 1,
      recurringPeriodType: 'month',
      amount: dto.amount,
      currency: dto.currency ?? DEFAULT_CURRENCY,
      validFrom,
      validTo: window.validTo,
      tenantId: w.auth.tenant,
    });
    const price = toPriceView(await w.tx.findOneByOrFail(ProductOfferingPriceEntity, { id: dto.priceId }));
    const retiredPriceIds = retired.map((p) => p.id).sort();

    await w.emit({
      eventType: 'catalog.price_set',
      aggregateType: 'product_offering',
      aggregateId: offering.id,
      payload: {
        offeringId: offering.id,
        priceId: price.id,
        amount: price.amount,
        currency: price.currency,
        validFrom: price.validFrom?.toISOString() ?? null,
        validTo: price.validTo?.toISOString() ?? null,
        retireCurrent: dto.retireCurrent ?? false,
        retiredPriceIds,
      },
    });
    return { price, retiredPriceIds };
  }
}
