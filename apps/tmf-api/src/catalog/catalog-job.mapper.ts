import type { CatalogJobView, ExportCatalogInput, ImportCatalogInput } from '@bss/catalog';
import { compact, isoOrAbsent, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';

const BASE = TMF_BASE.productCatalog;

/** TMF620 ImportJob / ExportJob; `result` (what it moved) is an addition. */
export function toCatalogJob(j: CatalogJobView): TmfResource {
  const resource = j.kind === 'import' ? 'importJob' : 'exportJob';
  return compact({
    id: j.id,
    href: `${BASE}/${resource}/${j.id}`,
    '@type': j.kind === 'import' ? 'ImportJob' : 'ExportJob',
    status: j.status,
    url: j.url ?? undefined,
    path: j.path ?? undefined,
    contentType: j.contentType,
    query: j.kind === 'export' ? (j.query ?? undefined) : undefined,
    creationDate: j.creationDate.toISOString(),
    completionDate: isoOrAbsent(j.completionDate),
    errorLog: j.errorLog ?? undefined,
    result: j.result ?? undefined,
  });
}

/** ExportJob_Create → admin.catalog.export: `url` (http(s) or `file:`), `query` kept as given. */
export function toExportCatalogInput(body: Record<string, unknown>): ExportCatalogInput {
  return compact({ url: body.url, query: body.query }) as unknown as ExportCatalogInput;
}

/** ImportJob_Create → admin.catalog.import: `url` to fetch, or `payload` (our addition) inline. */
export function toImportCatalogInput(body: Record<string, unknown>): ImportCatalogInput {
  return compact({ url: body.url, payload: body.payload }) as unknown as ImportCatalogInput;
}
