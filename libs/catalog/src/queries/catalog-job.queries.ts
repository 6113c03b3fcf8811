import { Injectable } from '@nestjs/common';
import { Database, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { toCatalogJobView, type CatalogJobView } from '#catalog/commands/catalog-job';
import { CatalogJobEntity, type CatalogJobKind } from '#catalog/domain/catalog-job.entity';

/** Import and export jobs of the caller's tenant, newest first. */
@Injectable()
export class CatalogJobQueries {
  constructor(private readonly db: Database) {}

  async list(kind: CatalogJobKind): Promise<CatalogJobView[]> {
    const rows = await this.db.manager.find(CatalogJobEntity, { where: { kind, tenantId: currentAuth().tenant }, order: { creationDate: 'DESC', id: 'DESC' }, take: 500 });
    return rows.map(toCatalogJobView);
  }

  async get(kind: CatalogJobKind, id: string): Promise<CatalogJobView> {
    const row = await this.db.manager.findOneBy(CatalogJobEntity, { id, kind, tenantId: currentAuth().tenant });
    if (!row) throw new NotFound(`${kind}_job`, id);
    return toCatalogJobView(row);
  }
}
