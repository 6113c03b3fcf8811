import { Module } from '@nestjs/common';
import { defineContext } from '@bss/platform';
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

// Reference data only: the catalog has no operational rows, so `bss admin reset` leaves it alone.
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
  ],
  seed: seedCatalog,
  seedOrder: 10,
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
];

@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class CatalogModule {}
