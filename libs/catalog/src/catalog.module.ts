import { Module, type OnModuleInit } from '@nestjs/common';
import { defineContext, JobQueue } from '@bss/platform';
import { currentAuth, runAsWorker, runWithAuth } from '@bss/policies';
import { seedCatalog } from './catalog.seed';
import { AddOfferingCommand } from './commands/add-offering.command';
import { SetPriceCommand } from './commands/set-price.command';
import { WindowOfferingCommand } from './commands/window-offering.command';
import { CreateCatalogCommand } from './commands/create-catalog.command';
import { UpdateCatalogCommand } from './commands/update-catalog.command';
import { DeleteCatalogCommand } from './commands/delete-catalog.command';
import { CreateCategoryCommand } from './commands/create-category.command';
import { UpdateCategoryCommand } from './commands/update-category.command';
import { DeleteCategoryCommand } from './commands/delete-category.command';
import { CreateSpecificationCommand } from './commands/create-specification.command';
import { UpdateSpecificationCommand } from './commands/update-specification.command';
import { DeleteSpecificationCommand } from './commands/delete-specification.command';
import { RevisePriceCommand } from './commands/revise-price.command';
import { EndPriceCommand } from './commands/end-price.command';
import { CatalogCategoryEntity, CatalogEntity } from './domain/catalog.entity';
import { CategoryEntity, OfferingCategoryEntity } from './domain/category.entity';
import { BundleAllowanceEntity } from './domain/bundle-allowance.entity';
import { ProductOfferingPriceEntity } from './domain/product-offering-price.entity';
import { ProductOfferingEntity } from './domain/product-offering.entity';
import { ProductSpecificationEntity } from './domain/product-specification.entity';
import { ProductToServiceMappingEntity } from './domain/product-to-service-mapping.entity';
import { ServiceSpecificationEntity } from './domain/service-specification.entity';
import { VasOfferingEntity } from './domain/vas-offering.entity';
import { CatalogQueries } from './queries/catalog.queries';
import { CatalogJobQueries } from './queries/catalog-job.queries';
import { ExportCatalogCommand } from './commands/export-catalog.command';
import { ImportCatalogCommand } from './commands/import-catalog.command';
import { DeleteCatalogJobCommand } from './commands/delete-catalog-job.command';
import { CatalogTransferWorker } from './commands/catalog-transfer.worker';
import { CATALOG_JOB_QUEUE, type CatalogTransferJob } from './commands/catalog-job';
import { CatalogJobEntity } from './domain/catalog-job.entity';

// Reference data, but for import/export job records: `bss admin reset` clears those and leaves the catalog alone.
defineContext({
  name: 'catalog',
  entities: [
    ProductSpecificationEntity,
    ProductOfferingEntity,
    ProductOfferingPriceEntity,
    BundleAllowanceEntity,
    VasOfferingEntity,
    ServiceSpecificationEntity,
    ProductToServiceMappingEntity,
    CategoryEntity,
    OfferingCategoryEntity,
    CatalogEntity,
    CatalogCategoryEntity,
    CatalogJobEntity,
  ],
  seed: seedCatalog,
  seedOrder: 10,
  // Import/export job records are operational; the catalog itself is reference data.
  reset: async (tx) => {
    await tx.query(`delete from catalog.catalog_job`);
  },
});

const PROVIDERS = [
  CatalogQueries,
  AddOfferingCommand,
  SetPriceCommand,
  WindowOfferingCommand,
  CreateCatalogCommand,
  UpdateCatalogCommand,
  DeleteCatalogCommand,
  CreateCategoryCommand,
  UpdateCategoryCommand,
  DeleteCategoryCommand,
  CreateSpecificationCommand,
  UpdateSpecificationCommand,
  DeleteSpecificationCommand,
  RevisePriceCommand,
  EndPriceCommand,
  ExportCatalogCommand,
  ImportCatalogCommand,
  DeleteCatalogJobCommand,
  CatalogTransferWorker,
  CatalogJobQueries,
];

@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class CatalogModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly transfers: CatalogTransferWorker,
  ) {}

  onModuleInit(): void {
    this.jobs.define<CatalogTransferJob>({
      queue: CATALOG_JOB_QUEUE,
      retryLimit: 2,
      retryDelaySeconds: 5,
      handler: async (data) => {
        await runAsWorker('catalog_transfer', () => runWithAuth({ ...currentAuth(), tenant: data.tenant }, () => this.transfers.run(data.jobId)));
      },
    });
  }
}
