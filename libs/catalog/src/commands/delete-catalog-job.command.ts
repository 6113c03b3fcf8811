import { Injectable } from '@nestjs/common';
import { IsIn, IsString, Matches } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { CatalogJobEntity, type CatalogJobKind } from '#catalog/domain/catalog-job.entity';
import { assertCatalogAdmin } from '#catalog/policies/catalog.policies';

export class DeleteCatalogJobInput {
  @IsString() @Matches(/^CJOB-[0-9a-f]{8}$/, { message: 'jobId must be CJOB-<8 hex>' }) jobId!: string;
  @IsIn(['import', 'export']) kind!: CatalogJobKind;
}

/** Forgets an import or export job; one not yet run is dropped (its queue job finds nothing). What it imported stays. */
@Verb({ name: 'admin.catalog.delete_job', input: DeleteCatalogJobInput, summary: 'Delete a catalog import or export job record (what it imported stays)', destructive: true })
@Injectable()
export class DeleteCatalogJobCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: DeleteCatalogJobInput): Promise<{ jobId: string }> {
    const dto = await validateInput(DeleteCatalogJobInput, input);
    return this.uow.run(async (w) => {
      assertCatalogAdmin(w.auth.actor);
      const job = await w.tx.findOne(CatalogJobEntity, { where: { id: dto.jobId, kind: dto.kind, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
      if (!job) throw new NotFound(`${dto.kind}_job`, dto.jobId);
      await w.tx.delete(CatalogJobEntity, { id: job.id });
      await w.emit({ eventType: 'catalog.job_deleted', aggregateType: 'catalog_job', aggregateId: job.id, payload: { jobId: job.id, kind: job.kind, status: job.status } });
      return { jobId: job.id };
    });
  }
}
