export * from './catalog.module';
export * from './catalog.errors';
export {
  ALLOWANCE_TYPES,
  ALLOWANCE_UNITS,
  LIFECYCLE_STATUSES,
  PRICE_TYPES,
  UNLIMITED,
  type AllowanceType,
  type AllowanceUnit,
  type LifecycleStatus,
  type PriceType,
  type RecurringPeriodType,
} from './domain/catalog.types';
export { isActiveAt, type ValidityWindow } from './domain/validity-window';
export { AddOfferingCommand, AddOfferingInput } from './commands/add-offering.command';
export { SetPriceCommand, SetPriceInput, type SetPriceResult } from './commands/set-price.command';
export { WindowOfferingCommand, WindowOfferingInput } from './commands/window-offering.command';
export { CreateCatalogCommand, CreateCatalogInput } from './commands/create-catalog.command';
export { UpdateCatalogCommand, UpdateCatalogInput } from './commands/update-catalog.command';
export { DeleteCatalogCommand, DeleteCatalogInput } from './commands/delete-catalog.command';
export { CreateCategoryCommand, CreateCategoryInput } from './commands/create-category.command';
export { UpdateCategoryCommand, UpdateCategoryInput } from './commands/update-category.command';
export { DeleteCategoryCommand, DeleteCategoryInput } from './commands/delete-category.command';
export { CreateSpecificationCommand, CreateSpecificationInput } from './commands/create-specification.command';
export { UpdateSpecificationCommand, UpdateSpecificationInput } from './commands/update-specification.command';
export { DeleteSpecificationCommand, DeleteSpecificationInput } from './commands/delete-specification.command';
export { RevisePriceCommand, RevisePriceInput, type RevisePriceResult } from './commands/revise-price.command';
export { EndPriceCommand, EndPriceInput, type EndPriceResult } from './commands/end-price.command';
export type { CatalogView, CategoryView, SpecificationView } from './queries/catalog-structure.views';
export {
  CatalogQueries,
  toTmfProductOffering,
  toTmfProductOfferingPrice,
  type AllowanceView,
  type OfferingView,
  type PriceView,
  type ServiceMappingView,
  type TmfProductOffering,
  type TmfProductOfferingPrice,
  type TmfValidFor,
  type VasView,
} from './queries/catalog.queries';
export { ExportCatalogCommand, ExportCatalogInput } from './commands/export-catalog.command';
export { ImportCatalogCommand, ImportCatalogInput } from './commands/import-catalog.command';
export { DeleteCatalogJobCommand, DeleteCatalogJobInput } from './commands/delete-catalog-job.command';
export { CATALOG_JOB_QUEUE, type CatalogJobView } from './commands/catalog-job';
export { CatalogJobQueries } from './queries/catalog-job.queries';
export { CATALOG_JOB_STATUSES, type CatalogJobStatus, type CatalogJobKind } from './domain/catalog-job.entity';
