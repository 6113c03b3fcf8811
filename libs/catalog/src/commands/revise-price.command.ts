import { Injectable } from '@nestjs/common';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InvalidInput, NotFound, parseInstant, validateInput, Verb } from '@bss/platform';
import { CATALOG_ID_PATTERN, CURRENCY_PATTERN, POSITIVE_AMOUNT_PATTERN } from '#catalog/domain/catalog.types';
import { ProductOfferingPriceEntity } from '#catalog/domain/product-offering-price.entity';
import { assertCatalogAdmin, assertPriceIsNew } from '#catalog/policies/catalog.policies';
import { toPriceView, type PriceView } from '#catalog/queries/catalog.queries';
import { lockOffering } from './catalog-admin';

export class RevisePriceInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'priceId must be UPPER_SNAKE' }) priceId!: string;
  /** Default: the old id with the new version's start in epoch seconds, e.g. PRICE_PLAN_M_1767225600. */
  @IsOptional() @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'newPriceId must be UPPER_SNAKE' }) newPriceId?: string;
  /** Omitted = unchanged. */
  @IsOptional() @IsString() @Matches(POSITIVE_AMOUNT_PATTERN, { message: 'amount must be a positive amount with at most 2 decimals, e.g. 20.00' }) amount?: string;
  @IsOptional() @IsString() @Matches(CURRENCY_PATTERN, { message: 'currency must be a 3-letter code, e.g. SGD' }) currency?: string;
  /** When the new version starts and the old one ends; default now. */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'validFrom must be an ISO-8601 date-time' }) validFrom?: string;
  /** Exclusive end of the new version; default the old row's end. */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'validTo must be an ISO-8601 date-time' }) validTo?: string;
}

export interface RevisePriceResult {
  price: PriceView;
  /** The old row, now ending where the new one starts. */
  previous: PriceView;
}

function versionId(priceId: string, from: Date): string {
  return `${priceId.replace(/_\d{10}$/, '')}_${Math.floor(from.getTime() / 1000)}`;
}

/**
 * A price row is never edited (renewals pin the row they charged): a revision is a new row, with the
 * changed amount or currency, from `validFrom` (or now), and the old row ends there.
 */
@Verb({ name: 'admin.catalog.revise_price', input: RevisePriceInput, summary: 'Revise a price: a new price row from a date, the old row end-dated there (rows stay immutable)' })
@Injectable()
export class RevisePriceCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: RevisePriceInput): Promise<RevisePriceResult> {
    const dto = await validateInput(RevisePriceInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: RevisePriceInput): Promise<RevisePriceResult> {
    const from = dto.validFrom ? parseInstant(dto.validFrom, 'validFrom') : w.now;
    const to = dto.validTo ? parseInstant(dto.validTo, 'validTo') : undefined;
    assertCatalogAdmin(w.auth.actor);
    const found = await w.tx.findOneBy(ProductOfferingPriceEntity, { id: dto.priceId, tenantId: w.auth.tenant });
    if (!found) throw new NotFound('product_offering_price', dto.priceId);
    // The offering lock serialises every price change of the offering (as set_price does).
    await lockOffering(w, found.offeringId);
    const old = await w.tx.findOneByOrFail(ProductOfferingPriceEntity, { id: dto.priceId });
    if (old.validFrom && from.getTime() <= old.validFrom.getTime()) {
      throw new InvalidInput([{ field: 'validFrom', messages: [`the new version must start after ${old.id} starts (${old.validFrom.toISOString()})`] }]);
    }
    if (old.validTo && old.validTo.getTime() <= from.getTime()) {
      throw new InvalidInput([{ field: 'validFrom', messages: [`${old.id} has ended (${old.validTo.toISOString()}); add a new price instead`] }]);
    }
    const validTo = to === undefined ? old.validTo : to;
    if (validTo && validTo.getTime() <= from.getTime()) throw new InvalidInput([{ field: 'validTo', messages: [`validTo must be after the new version's start (${from.toISOString()})`] }]);
    const newId = dto.newPriceId ?? versionId(old.id, from);
    assertPriceIsNew(newId, await w.tx.existsBy(ProductOfferingPriceEntity, { id: newId }));

    const previousEnd = old.validTo;
    old.validTo = from;
    await w.tx.save(old);
    await w.tx.insert(ProductOfferingPriceEntity, {
      id: newId,
      offeringId: old.offeringId,
      priceType: old.priceType,
      recurringPeriodLength: old.recurringPeriodLength,
      recurringPeriodType: old.recurringPeriodType,
      amount: dto.amount ?? old.amount,
      currency: dto.currency ?? old.currency,
      validFrom: from,
      validTo,
      tenantId: w.auth.tenant,
    });
    const price = toPriceView(await w.tx.findOneByOrFail(ProductOfferingPriceEntity, { id: newId }));
    await w.emit({
      eventType: 'catalog.price_revised',
      aggregateType: 'product_offering',
      aggregateId: old.offeringId,
      payload: {
        offeringId: old.offeringId,
        priceId: price.id,
        previousPriceId: old.id,
        amount: price.amount,
        currency: price.currency,
        validFrom: from.toISOString(),
        validTo: validTo?.toISOString() ?? null,
        previousValidTo: previousEnd?.toISOString() ?? null,
      },
    });
    return { price, previous: toPriceView(old) };
  }
}
