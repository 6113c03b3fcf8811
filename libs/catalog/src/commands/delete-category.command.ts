import { Injectable } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { CatalogCategoryEntity } from '#catalog/domain/catalog.entity';
import { CATALOG_ID_PATTERN } from '#catalog/domain/catalog.types';
import { CategoryEntity } from '#catalog/domain/category.entity';
import { assertCatalogAdmin, assertCategoryUnused } from '#catalog/policies/catalog.policies';
import { readCategoryViews, type CategoryView } from '#catalog/queries/catalog-structure.views';
import { lockById } from './catalog-structure';

export class DeleteCategoryInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'categoryId must be UPPER_SNAKE' }) categoryId!: string;
}

/** Deletes an empty category; PV `catalog.category.in_use` while it classifies offerings, sits in a catalog or has subcategories. */
@Verb({ name: 'admin.catalog.delete_category', input: DeleteCategoryInput, summary: 'Delete a category that no offering, catalog or subcategory uses any more', destructive: true })
@Injectable()
export class DeleteCategoryCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: DeleteCategoryInput): Promise<CategoryView> {
    const dto = await validateInput(DeleteCategoryInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: DeleteCategoryInput): Promise<CategoryView> {
    assertCatalogAdmin(w.auth.actor);
    const category = await lockById(w, CategoryEntity, dto.categoryId, 'category');
    const [view] = await readCategoryViews(w.tx, [category]);
    const catalogIds = (await w.tx.findBy(CatalogCategoryEntity, { categoryId: category.id })).map((l) => l.catalogId).sort();
    assertCategoryUnused(category.id, { offeringIds: view.offeringIds, catalogIds, subCategoryIds: view.subCategoryIds });
    await w.tx.delete(CategoryEntity, { id: category.id });
    await w.emit({ eventType: 'catalog.category_deleted', aggregateType: 'category', aggregateId: view.id, payload: { ...view, lastUpdate: view.lastUpdate.toISOString() } });
    return view;
  }
}
