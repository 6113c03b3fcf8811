import type { CatalogJobEntity, CatalogJobKind, CatalogJobResult, CatalogJobStatus } from '#catalog/domain/catalog-job.entity';

export const CATALOG_JOB_QUEUE = 'catalog.transfer';

/** The queue's job: which catalog_job row to run, in which tenant. */
export interface CatalogTransferJob {
  jobId: string;
  tenant: string;
}

export interface CatalogJobView {
  id: string;
  kind: CatalogJobKind;
  status: CatalogJobStatus;
  url: string | null;
  path: string | null;
  contentType: string;
  query: string | null;
  result: CatalogJobResult | null;
  errorLog: string | null;
  creationDate: Date;
  completionDate: Date | null;
}

export function toCatalogJobView(j: CatalogJobEntity): CatalogJobView {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    url: j.url,
    path: j.path,
    contentType: j.contentType,
    query: j.query,
    result: j.result,
    errorLog: j.errorLog,
    creationDate: j.creationDate,
    completionDate: j.completionDate,
  };
}
