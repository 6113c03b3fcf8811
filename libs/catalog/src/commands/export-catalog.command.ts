import { Injectable } from '@nestjs/common';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { randomId, validateInput, Verb } from '@bss/platform';
import { CatalogJobEntity } from '#catalog/domain/catalog-job.entity';
import { assertCatalogAdmin } from '#catalog/policies/catalog.policies';
import { CATALOG_JOB_QUEUE, toCatalogJobView, type CatalogJobView, type CatalogTransferJob } from './catalog-job';

export class ExportCatalogInput {
  /** `https://partner.example/catalog` (POSTed there) or `file:` (a file under BSS_HOME/catalog-exports). */
  @IsString() @MaxLength(2000) @Matches(/^(https?:\/\/\S+|file:.*)$/, { message: 'url must be an http(s) URL or file: (a file under BSS_HOME)' }) url!: string;
  /** Free text kept with the job (TMF620 `query`); the export holds the whole sellable catalog. */
  @IsOptional() @IsString() @MaxLength(500) query?: string;
}

/** Starts a durable export of the catalog as TMF620 JSON (job queue catalog.transfer); the job row tracks it. */
@Verb({ name: 'admin.catalog.export', input: ExportCatalogInput, summary: 'Export the catalog as TMF620 JSON to a partner URL or a file under BSS_HOME, in a durable job' })
@Injectable()
export class ExportCatalogCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ExportCatalogInput): Promise<CatalogJobView> {
    const dto = await validateInput(ExportCatalogInput, input);
    return this.uow.run(async (w) => {
      assertCatalogAdmin(w.auth.actor);
      const job: CatalogJobEntity = {
        id: randomId('CJOB'),
        kind: 'export',
        status: 'notStarted',
        url: dto.url,
        path: null,
        contentType: 'application/json',
        query: dto.query ?? null,
        payload: null,
        result: null,
        errorLog: null,
        createdBy: w.auth.actor,
        creationDate: w.now,
        completionDate: null,
        tenantId: w.auth.tenant,
      };
      await w.tx.save(w.tx.create(CatalogJobEntity, job));
      await w.enqueue(CATALOG_JOB_QUEUE, { jobId: job.id, tenant: job.tenantId } satisfies CatalogTransferJob);
      await w.emit({ eventType: 'catalog.export_requested', aggregateType: 'catalog_job', aggregateId: job.id, payload: { jobId: job.id, url: job.url } });
      return toCatalogJobView(job);
    });
  }
}
