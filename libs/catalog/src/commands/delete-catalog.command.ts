import { Injectable } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { CatalogEntity } from '#catalog/domain/catalog.entity';
import { CATALOG_ID_PATTERN } from '#catalog/domain/catalog.types';
import { assertCatalogAdmin } from '#catalog/policies/catalog.policies';
import { readCatalogViews, type CatalogView } from '#catalog/queries/catalog-structure.views';
import { lockById } from './catalog-structure';

export class DeleteCatalogInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'catalogId must be UPPER_SNAKE' }) catalogId!: string;
}

/**
 * Deletes a catalog. It only groups categories: the categories and their offerings stay, and no
 * line or order refers to a catalog, so nothing else changes.
 */
@Verb({ name: 'admin.catalog.delete_catalog', input: DeleteCatalogInput, summary: 'Delete a catalog (its categories and offerings stay)', destructive: true })
@Injectable()
export class DeleteCatalogCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: DeleteCatalogInput): Promise<CatalogView> {
    const dto = await validateInput(DeleteCatalogInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: DeleteCatalogInput): Promise<CatalogView> {
    assertCatalogAdmin(w.auth.actor);
    const catalog = await lockById(w, CatalogEntity, dto.catalogId, 'catalog');
    const [view] = await readCatalogViews(w.tx, [catalog]);
    // catalog_category rows go with it (on delete cascade).
    await w.tx.delete(CatalogEntity, { id: catalog.id });
    await w.emit({ eventType: 'catalog.catalog_deleted', aggregateType: 'catalog', aggregateId: view.id, payload: { ...view, lastUpdate: view.lastUpdate.toISOString() } });
    return view;
  }
}
