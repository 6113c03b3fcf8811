import { Injectable } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { CatalogCategoryEntity, CatalogEntity } from '#catalog/domain/catalog.entity';
import { CATALOG_ID_PATTERN, LIFECYCLE_STATUSES, type LifecycleStatus } from '#catalog/domain/catalog.types';
import { CategoryEntity } from '#catalog/domain/category.entity';
import { assertCatalogAdmin, assertCatalogIdIsNew } from '#catalog/policies/catalog.policies';
import { readCatalogViews, type CatalogView } from '#catalog/queries/catalog-structure.views';
import { assertKnownIds, LIFECYCLE_MESSAGE } from './catalog-structure';

export class CreateCatalogInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'catalogId must be UPPER_SNAKE, e.g. CAT_RESELLER' }) catalogId!: string;
  @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(120) name!: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  /** Default active. */
  @IsOptional() @IsIn(LIFECYCLE_STATUSES, LIFECYCLE_MESSAGE) lifecycleStatus?: LifecycleStatus;
  /** The channel or partner service identity it is made for (e.g. partner_acme); omitted = every channel. */
  @IsOptional() @IsString() @MaxLength(120) channel?: string;
  /** The categories it groups (their offerings are the catalog's). */
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) categoryIds?: string[];
}

/** Creates a catalog: a named grouping of categories (and so offerings) for a channel or partner. */
@Verb({ name: 'admin.catalog.create_catalog', input: CreateCatalogInput, summary: 'Create a catalog grouping categories of offerings for a channel or partner' })
@Injectable()
export class CreateCatalogCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: CreateCatalogInput): Promise<CatalogView> {
    const dto = await validateInput(CreateCatalogInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: CreateCatalogInput): Promise<CatalogView> {
    assertCatalogAdmin(w.auth.actor);
    assertCatalogIdIsNew('catalog', dto.catalogId, await w.tx.existsBy(CatalogEntity, { id: dto.catalogId }));
    const categoryIds = [...new Set(dto.categoryIds ?? [])];
    await assertKnownIds(w, CategoryEntity, categoryIds, 'categoryIds', 'category');
    await w.tx.insert(CatalogEntity, {
      id: dto.catalogId,
      name: dto.name.trim(),
      description: dto.description ?? null,
      lifecycleStatus: dto.lifecycleStatus ?? 'active',
      channel: dto.channel ?? null,
      lastUpdate: w.now,
      tenantId: w.auth.tenant,
    });
    if (categoryIds.length > 0) await w.tx.insert(CatalogCategoryEntity, categoryIds.map((categoryId) => ({ catalogId: dto.catalogId, categoryId, tenantId: w.auth.tenant })));
    const [view] = await readCatalogViews(w.tx, [await w.tx.findOneByOrFail(CatalogEntity, { id: dto.catalogId })]);
    await w.emit({ eventType: 'catalog.catalog_created', aggregateType: 'catalog', aggregateId: view.id, payload: { ...view, lastUpdate: view.lastUpdate.toISOString() } });
    return view;
  }
}
