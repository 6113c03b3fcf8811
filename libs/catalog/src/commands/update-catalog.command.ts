import { Injectable } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { CatalogCategoryEntity, CatalogEntity } from '#catalog/domain/catalog.entity';
import { CATALOG_ID_PATTERN, LIFECYCLE_STATUSES, type LifecycleStatus } from '#catalog/domain/catalog.types';
import { CategoryEntity } from '#catalog/domain/category.entity';
import { assertCatalogAdmin } from '#catalog/policies/catalog.policies';
import { readCatalogViews, type CatalogView } from '#catalog/queries/catalog-structure.views';
import { assertKnownIds, LIFECYCLE_MESSAGE, lockById } from './catalog-structure';

/** A merge-patch: an attribute left out keeps its value; `channel: null` opens the catalog to every channel. */
export class UpdateCatalogInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'catalogId must be UPPER_SNAKE' }) catalogId!: string;
  @IsOptional() @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(120) name?: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @IsOptional() @IsIn(LIFECYCLE_STATUSES, LIFECYCLE_MESSAGE) lifecycleStatus?: LifecycleStatus;
  @IsOptional() @IsString() @MaxLength(120) channel?: string | null;
  /** Replaces the categories it groups. */
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) categoryIds?: string[];
}

/** Renames, re-describes, re-targets or regroups a catalog. */
@Verb({ name: 'admin.catalog.update_catalog', input: UpdateCatalogInput, summary: 'Change a catalog: name, description, lifecycle, channel or the categories it groups' })
@Injectable()
export class UpdateCatalogCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: UpdateCatalogInput): Promise<CatalogView> {
    const dto = await validateInput(UpdateCatalogInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: UpdateCatalogInput): Promise<CatalogView> {
    assertCatalogAdmin(w.auth.actor);
    const catalog = await lockById(w, CatalogEntity, dto.catalogId, 'catalog');
    const [before] = await readCatalogViews(w.tx, [catalog]);
    if (dto.name !== undefined) catalog.name = dto.name.trim();
    if (dto.description !== undefined) catalog.description = dto.description;
    if (dto.lifecycleStatus !== undefined) catalog.lifecycleStatus = dto.lifecycleStatus;
    if (dto.channel !== undefined) catalog.channel = dto.channel;
    catalog.lastUpdate = w.now;
    await w.tx.save(catalog);
    if (dto.categoryIds !== undefined) {
      const categoryIds = [...new Set(dto.categoryIds)];
      await assertKnownIds(w, CategoryEntity, categoryIds, 'categoryIds', 'category');
      await w.tx.delete(CatalogCategoryEntity, { catalogId: catalog.id });
      if (categoryIds.length > 0) await w.tx.insert(CatalogCategoryEntity, categoryIds.map((categoryId) => ({ catalogId: catalog.id, categoryId, tenantId: w.auth.tenant })));
    }
    const [view] = await readCatalogViews(w.tx, [catalog]);
    await w.emit({
      eventType: 'catalog.catalog_updated',
      aggregateType: 'catalog',
      aggregateId: view.id,
      payload: { ...view, lastUpdate: view.lastUpdate.toISOString(), previous: { ...before, lastUpdate: before.lastUpdate.toISOString() } },
    });
    return view;
  }
}
