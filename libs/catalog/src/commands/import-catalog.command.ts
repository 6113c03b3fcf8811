import { Injectable } from '@nestjs/common';
import { IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { InvalidInput, randomId, validateInput, Verb } from '@bss/platform';
import { CatalogJobEntity } from '#catalog/domain/catalog-job.entity';
import { assertCatalogAdmin } from '#catalog/policies/catalog.policies';
import { CATALOG_JOB_QUEUE, toCatalogJobView, type CatalogJobView, type CatalogTransferJob } from './catalog-job';

export class ImportCatalogInput {
  /** Where to GET the TMF620 catalog document from; or give `payload`. */
  @IsOptional() @IsString() @MaxLength(2000) @Matches(/^https?:\/\/\S+$/, { message: 'url must be an http(s) URL' }) url?: string;
  /** The catalog document inline: `{ productOffering: [...] }` as an export writes it. */
  @IsOptional() @IsObject() payload?: Record<string, unknown>;
}

/**
 * Starts a durable import of offerings (with their price and allowances) from a URL or an inline
 * document; the job adds each new one through admin.catalog.add_offering (the one write path) and
 * skips ids that exist.
 */
@Verb({ name: 'admin.catalog.import', input: ImportCatalogInput, summary: 'Import offerings from a TMF620 catalog document (URL or inline) through add_offering, in a durable job' })
@Injectable()
export class ImportCatalogCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ImportCatalogInput): Promise<CatalogJobView> {
    const dto = await validateInput(ImportCatalogInput, input);
    if ((dto.url === undefined) === (dto.payload === undefined)) throw new InvalidInput([{ field: 'url', messages: ['give exactly one of url or payload'] }]);
    return this.uow.run(async (w) => {
      assertCatalogAdmin(w.auth.actor);
      const job: CatalogJobEntity = {
        id: randomId('CJOB'),
        kind: 'import',
        status: 'notStarted',
        url: dto.url ?? null,
        path: null,
        contentType: 'application/json',
        query: null,
        payload: dto.payload ?? null,
        result: null,
        errorLog: null,
        createdBy: w.auth.actor,
        creationDate: w.now,
        completionDate: null,
        tenantId: w.auth.tenant,
      };
      await w.tx.save(w.tx.create(CatalogJobEntity, job));
      await w.enqueue(CATALOG_JOB_QUEUE, { jobId: job.id, tenant: job.tenantId } satisfies CatalogTransferJob);
      await w.emit({ eventType: 'catalog.import_requested', aggregateType: 'catalog_job', aggregateId: job.id, payload: { jobId: job.id, url: job.url, inline: job.payload !== null } });
      return toCatalogJobView(job);
    });
  }
}
