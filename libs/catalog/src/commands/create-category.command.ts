import { Injectable } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { CATALOG_ID_PATTERN, LIFECYCLE_STATUSES, type LifecycleStatus } from '#catalog/domain/catalog.types';
import { CategoryEntity, OfferingCategoryEntity } from '#catalog/domain/category.entity';
import { ProductOfferingEntity } from '#catalog/domain/product-offering.entity';
import { assertCatalogAdmin, assertCatalogIdIsNew } from '#catalog/policies/catalog.policies';
import { readCategoryViews, type CategoryView } from '#catalog/queries/catalog-structure.views';
import { assertKnownIds, LIFECYCLE_MESSAGE } from './catalog-structure';

export class CreateCategoryInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'categoryId must be UPPER_SNAKE, e.g. CATEGORY_DATA_ONLY' }) categoryId!: string;
  @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(120) name!: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  /** Default active. */
  @IsOptional() @IsIn(LIFECYCLE_STATUSES, LIFECYCLE_MESSAGE) lifecycleStatus?: LifecycleStatus;
  /** Omitted = a root category. */
  @IsOptional() @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'parentId must be UPPER_SNAKE' }) parentId?: string;
  /** The offerings it classifies. */
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) offeringIds?: string[];
}

/** Creates a category that classifies offerings (e.g. data-only plans); partners filter offerings by it. */
@Verb({ name: 'admin.catalog.create_category', input: CreateCategoryInput, summary: 'Create a category that classifies offerings (optionally under a parent)' })
@Injectable()
export class CreateCategoryCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: CreateCategoryInput): Promise<CategoryView> {
    const dto = await validateInput(CreateCategoryInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: CreateCategoryInput): Promise<CategoryView> {
    assertCatalogAdmin(w.auth.actor);
    assertCatalogIdIsNew('category', dto.categoryId, await w.tx.existsBy(CategoryEntity, { id: dto.categoryId }));
    if (dto.parentId) await assertKnownIds(w, CategoryEntity, [dto.parentId], 'parentId', 'category');
    const offeringIds = [...new Set(dto.offeringIds ?? [])];
    await assertKnownIds(w, ProductOfferingEntity, offeringIds, 'offeringIds', 'offering');
    await w.tx.insert(CategoryEntity, {
      id: dto.categoryId,
      name: dto.name.trim(),
      description: dto.description ?? null,
      lifecycleStatus: dto.lifecycleStatus ?? 'active',
      parentId: dto.parentId ?? null,
      lastUpdate: w.now,
      tenantId: w.auth.tenant,
    });
    if (offeringIds.length > 0) await w.tx.insert(OfferingCategoryEntity, offeringIds.map((offeringId) => ({ offeringId, categoryId: dto.categoryId, tenantId: w.auth.tenant })));
    const [view] = await readCategoryViews(w.tx, [await w.tx.findOneByOrFail(CategoryEntity, { id: dto.categoryId })]);
    await w.emit({ eventType: 'catalog.category_created', aggregateType: 'category', aggregateId: view.id, payload: { ...view, lastUpdate: view.lastUpdate.toISOString() } });
    return view;
  }
}
