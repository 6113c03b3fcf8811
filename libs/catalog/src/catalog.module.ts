import { Module } from '@nestjs/common';
import { defineContext } from '@bss/platform';
import { seedCatalog } from './catalog.seed';
import { AddOfferingCommand } from './commands/add-offering.command';
import { SetPriceCommand } from './commands/set-price.command';
import { WindowOfferingCommand } from './commands/window-offering.command';
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
  ],
  seed: seedCatalog,
  seedOrder: 10,
});

@Module({
  providers: [CatalogQueries, AddOfferingCommand, SetPriceCommand, WindowOfferingCommand],
  exports: [CatalogQueries, AddOfferingCommand, SetPriceCommand, WindowOfferingCommand],
})
export class CatalogModule {}
