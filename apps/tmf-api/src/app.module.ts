import { Module, type DynamicModule } from '@nestjs/common';
import { bssAppImports } from '@bss/core';
import { HealthController } from '@bss/web';
import type { AppRuntimeOptions } from '@bss/web';
import { ProductCatalogController } from './catalog/product-catalog.controller';
import { ProductOfferingCache } from './catalog/product-offering.cache';
import { ProductOfferingFastPath } from './catalog/product-offering.fast-path';
import { HUB_CONTROLLERS } from './hub/hub.controllers';
import { LISTENER_CONTROLLERS } from './listener/listener.controllers';
import { NOT_SERVED_CONTROLLERS } from './not-served/not-served.controllers';
import { ProductOrderingController } from './ordering/product-ordering.controller';
import { PartyController } from './party/party.controller';
import { BalanceOperationsController } from './prepay-balance/balance-operations.controller';
import { BalanceReservationController } from './prepay-balance/balance-reservation.controller';
import { ClientListenerController } from './prepay-balance/client-listener.controller';
import { PrepayBalanceController } from './prepay-balance/prepay-balance.controller';
import { ServiceOrderingController } from './service-ordering/service-ordering.controller';
import { API_DOCS_CONTROLLERS } from './tmf/api-docs.controllers';
import { TmfOpenApiDocuments } from './tmf/openapi-documents';
import { PartnerScope } from './tmf/partner-scope';
import { TmfHttpSetup } from './tmf/tmf-http.setup';
import { UsageConsumptionController } from './usage/usage-consumption.controller';

/**
 * Partner APIs (9004): TM Forum Open APIs over the same commands and queries as every other
 * surface. The caller's named token decides the service identity on the audit rows.
 */
@Module({})
export class TmfApiAppModule {
  static forRoot(options: AppRuntimeOptions): DynamicModule {
    return {
      module: TmfApiAppModule,
      imports: [...bssAppImports({ name: 'tmf-api', channel: 'system', serviceIdentity: 'default' }, options)],
      controllers: [
        HealthController,
        ProductCatalogController,
        PartyController,
        ProductOrderingController,
        ServiceOrderingController,
        PrepayBalanceController,
        BalanceOperationsController,
        BalanceReservationController,
        ClientListenerController,
        UsageConsumptionController,
        ...HUB_CONTROLLERS,
        ...LISTENER_CONTROLLERS,
        ...NOT_SERVED_CONTROLLERS,
        ...API_DOCS_CONTROLLERS,
      ],
      providers: [TmfHttpSetup, ProductOfferingCache, ProductOfferingFastPath, TmfOpenApiDocuments, PartnerScope],
    };
  }
}
