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
