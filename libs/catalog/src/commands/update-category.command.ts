import { Injectable } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InvalidInput, validateInput, Verb } from '@bss/platform';
import { CATALOG_ID_PATTERN, LIFECYCLE_STATUSES, type LifecycleStatus } from '#catalog/domain/catalog.types';
import { CategoryEntity, OfferingCategoryEntity } from '#catalog/domain/category.entity';
import { ProductOfferingEntity } from '#catalog/domain/product-offering.entity';
import { assertCatalogAdmin } from '#catalog/policies/catalog.policies';
import { readCategoryViews, type CategoryView } from '#catalog/queries/catalog-structure.views';
import { assertKnownIds, LIFECYCLE_MESSAGE, lockById } from './catalog-structure';

/** A merge-patch: an attribute left out keeps its value; `parentId: null` makes it a root category. */
export class UpdateCategoryInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'categoryId must be UPPER_SNAKE' }) categoryId!: string;
  @IsOptional() @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(120) name?: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @IsOptional() @IsIn(LIFECYCLE_STATUSES, LIFECYCLE_MESSAGE) lifecycleStatus?: LifecycleStatus;
  @IsOptional() @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'parentId must be UPPER_SNAKE' }) parentId?: string | null;
  /** Replaces the offerings it classifies. */
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) offeringIds?: string[];
}

/** Renames, re-describes, moves or re-fills a category. */
@Verb({ name: 'admin.catalog.update_category', input: UpdateCategoryInput, summary: 'Change a category: name, description, lifecycle, parent or the offerings it classifies' })
@Injectable()
export class UpdateCategoryCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: UpdateCategoryInput): Promise<CategoryView> {
    const dto = await validateInput(UpdateCategoryInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: UpdateCategoryInput): Promise<CategoryView> {
    assertCatalogAdmin(w.auth.actor);
    const category = await lockById(w, CategoryEntity, dto.categoryId, 'category');
    const [before] = await readCategoryViews(w.tx, [category]);
    if (dto.parentId) {
      await assertKnownIds(w, CategoryEntity, [dto.parentId], 'parentId', 'category');
      if (await this.isAncestorOrSelf(w, category.id, dto.parentId)) throw new InvalidInput([{ field: 'parentId', messages: [`${dto.parentId} is ${category.id} or below it`] }]);
    }
    if (dto.name !== undefined) category.name = dto.name.trim();
    if (dto.description !== undefined) category.description = dto.description;
    if (dto.lifecycleStatus !== undefined) category.lifecycleStatus = dto.lifecycleStatus;
    if (dto.parentId !== undefined) category.parentId = dto.parentId;
    category.lastUpdate = w.now;
    await w.tx.save(category);
    if (dto.offeringIds !== undefined) {
      const offeringIds = [...new Set(dto.offeringIds)];
      await assertKnownIds(w, ProductOfferingEntity, offeringIds, 'offeringIds', 'offering');
      await w.tx.delete(OfferingCategoryEntity, { categoryId: category.id });
      if (offeringIds.length > 0) await w.tx.insert(OfferingCategoryEntity, offeringIds.map((offeringId) => ({ offeringId, categoryId: category.id, tenantId: w.auth.tenant })));
    }
    const [view] = await readCategoryViews(w.tx, [category]);
    await w.emit({
      eventType: 'catalog.category_updated',
      aggregateType: 'category',
      aggregateId: view.id,
      payload: { ...view, lastUpdate: view.lastUpdate.toISOString(), previous: { ...before, lastUpdate: before.lastUpdate.toISOString() } },
    });
    return view;
  }

  /** Walks up from `candidateParent`: reaching `categoryId` would make a cycle. */
  private async isAncestorOrSelf(w: WriteScope, categoryId: string, candidateParent: string): Promise<boolean> {
    let current: string | null = candidateParent;
    for (let depth = 0; current !== null && depth < 100; depth += 1) {
      if (current === categoryId) return true;
      current = (await w.tx.findOneBy(CategoryEntity, { id: current }))?.parentId ?? null;
    }
    return false;
  }
}
