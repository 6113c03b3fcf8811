import { Injectable } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { In } from 'typeorm';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { BundleAllowanceEntity } from '#catalog/domain/bundle-allowance.entity';
import {
  ALLOWANCE_TYPES,
  ALLOWANCE_UNIT_OF,
  allowanceId,
  CATALOG_ID_PATTERN,
  CURRENCY_PATTERN,
  DEFAULT_CURRENCY,
  DEFAULT_SERVICE_MAPPING,
  DEFAULT_SPEC_ID,
  POSITIVE_AMOUNT_PATTERN,
  UNLIMITED,
  type AllowanceType,
} from '#catalog/domain/catalog.types';
import { ProductOfferingPriceEntity } from '#catalog/domain/product-offering-price.entity';
import { ProductOfferingEntity } from '#catalog/domain/product-offering.entity';
import { ProductSpecificationEntity } from '#catalog/domain/product-specification.entity';
import { ProductToServiceMappingEntity } from '#catalog/domain/product-to-service-mapping.entity';
import { assertOfferingIsNew, assertPriceIsNew } from '#catalog/policies/catalog.policies';
import { toOfferingView, type OfferingView } from '#catalog/queries/catalog.queries';
import { adminWindow } from './catalog-admin';
import { assertKnownIds } from './catalog-structure';
import { CategoryEntity, OfferingCategoryEntity } from '#catalog/domain/category.entity';

const MAX_QUANTITY = 100_000_000;

export class AddOfferingInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'offeringId must be UPPER_SNAKE, e.g. PLAN_XL' }) offeringId!: string;
  @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(60) name!: string;
  /** Default SPEC_MOBILE_PREPAID. */
  @IsOptional() @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'specId must be UPPER_SNAKE' }) specId?: string;
  /** Monthly recurring price, e.g. "25.00". */
  @IsString() @Matches(POSITIVE_AMOUNT_PATTERN, { message: 'amount must be a positive amount with at most 2 decimals, e.g. 25.00' }) amount!: string;
  /** Default SGD. */
  @IsOptional() @IsString() @Matches(CURRENCY_PATTERN, { message: 'currency must be a 3-letter code, e.g. SGD' }) currency?: string;
  /** Default `PRICE_<offeringId>`. */
  @IsOptional() @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'priceId must be UPPER_SNAKE' }) priceId?: string;
  /** The offering's sales window (the price row itself is open-ended). */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'validFrom must be an ISO-8601 date-time' }) validFrom?: string;
  @IsOptional() @IsISO8601({ strict: true }, { message: 'validTo must be an ISO-8601 date-time' }) validTo?: string;
  /** Allowances per 30-day period; −1 = unlimited, omitted = 0. */
  @IsOptional() @IsInt() @Min(UNLIMITED) @Max(MAX_QUANTITY) dataMb?: number;
  @IsOptional() @IsInt() @Min(UNLIMITED) @Max(MAX_QUANTITY) voiceMinutes?: number;
  @IsOptional() @IsInt() @Min(UNLIMITED) @Max(MAX_QUANTITY) smsCount?: number;
  @IsOptional() @IsInt() @Min(UNLIMITED) @Max(MAX_QUANTITY) dataRoamingMb?: number;
  /** The categories it is listed in (partners filter offerings by category). */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) categoryIds?: string[];
}

function quantityOf(dto: AddOfferingInput, type: AllowanceType): number {
  const given = { data: dto.dataMb, voice: dto.voiceMinutes, sms: dto.smsCount, data_roaming: dto.dataRoamingMb }[type];
  return given ?? 0;
}

/**
 * Puts a new plan on sale in one transaction: the offering, its monthly price (`PRICE_<id>`),
 * its four `BA_<id>_*` allowances and the standard service mapping, so it can be ordered and
 * provisioned like the seeded plans.
 */
@Verb({
  name: 'admin.catalog.add_offering',
  input: AddOfferingInput,
  summary: 'Put a new plan on sale: offering, monthly price PRICE_<id> and BA_<id>_* allowances in one go',
})
@Injectable()
export class AddOfferingCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: AddOfferingInput): Promise<OfferingView> {
    const dto = await validateInput(AddOfferingInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: AddOfferingInput): Promise<OfferingView> {
    const window = adminWindow(w, dto);
    const specId = dto.specId ?? DEFAULT_SPEC_ID;
    const priceId = dto.priceId ?? `PRICE_${dto.offeringId}`;
    const allowanceIds = ALLOWANCE_TYPES.map((type) => allowanceId(dto.offeringId, type));

    // One connection per transaction: these reads run one after the other.
    const spec = await w.tx.findOneBy(ProductSpecificationEntity, { id: specId });
    if (!spec) throw new NotFound('product_specification', specId);
    const offeringExists = await w.tx.existsBy(ProductOfferingEntity, { id: dto.offeringId });
    const takenAllowances = await w.tx.findBy(BundleAllowanceEntity, { id: In(allowanceIds) });
    assertOfferingIsNew(dto.offeringId, offeringExists, takenAllowances.map((a) => a.id));
    assertPriceIsNew(priceId, await w.tx.existsBy(ProductOfferingPriceEntity, { id: priceId }));
    const categoryIds = [...new Set(dto.categoryIds ?? [])];
    await assertKnownIds(w, CategoryEntity, categoryIds, 'categoryIds', 'category');

    const tenantId = w.auth.tenant;
    const offering = w.tx.create(ProductOfferingEntity, {
      id: dto.offeringId,
      name: dto.name.trim(),
      specId,
      isBundle: true,
      isSellable: true,
      lifecycleStatus: 'active',
      ...window,
      tenantId,
    });
    const price = w.tx.create(ProductOfferingPriceEntity, {
      id: priceId,
      offeringId: offering.id,
      priceType: 'recurring',
      recurringPeriodLength: 1,
      recurringPeriodType: 'month',
      amount: dto.amount,
      currency: dto.currency ?? DEFAULT_CURRENCY,
      validFrom: null,
      validTo: null,
      tenantId,
    });
    const allowances = ALLOWANCE_TYPES.map((type, i) =>
      w.tx.create(BundleAllowanceEntity, {
        id: allowanceIds[i],
        offeringId: offering.id,
        allowanceType: type,
        quantity: quantityOf(dto, type),
        unit: ALLOWANCE_UNIT_OF[type],
        tenantId,
      }),
    );
    await w.tx.insert(ProductOfferingEntity, offering);
    await w.tx.insert(ProductOfferingPriceEntity, price);
    await w.tx.insert(BundleAllowanceEntity, allowances);
    await w.tx.insert(ProductToServiceMappingEntity, {
      offeringId: offering.id,
      cfsSpecId: DEFAULT_SERVICE_MAPPING.cfsSpecId,
      rfsSpecIds: [...DEFAULT_SERVICE_MAPPING.rfsSpecIds],
      tenantId,
    });
    if (categoryIds.length > 0) await w.tx.insert(OfferingCategoryEntity, categoryIds.map((categoryId) => ({ offeringId: offering.id, categoryId, tenantId })));
    // Reload the price so the view carries the stored 2-decimal amount ("25" → "25.00").
    const stored = await w.tx.findOneByOrFail(ProductOfferingPriceEntity, { id: priceId });
    const view = toOfferingView(offering, [stored], allowances);

    await w.emit({
      eventType: 'catalog.offering_added',
      aggregateType: 'product_offering',
      aggregateId: offering.id,
      payload: {
        offeringId: offering.id,
        name: offering.name,
        specId,
        priceId,
        amount: stored.amount,
        currency: stored.currency,
        validFrom: window.validFrom?.toISOString() ?? null,
        validTo: window.validTo?.toISOString() ?? null,
        allowances: view.allowances,
      },
    });
    return view;
  }
}
