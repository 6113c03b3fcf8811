import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConversationModule } from '@bss/conversation';
import { bssAppImports } from '@bss/core';
import { ClockController, HealthController, StaticAssets, StaticAssetsController } from '@bss/web';
import type { AppRuntimeOptions } from '@bss/web';
import { AuthController } from './auth/auth.controller';
import { CasesController } from './cases/cases.controller';
import { CatalogController } from './catalog/catalog.controller';
import { ConversationController } from './conversation/conversation.controller';
import { TurnRunner } from './conversation/turn-runner';
import { CustomersController } from './customers/customers.controller';
import { CockpitExceptionFilter } from './http/cockpit-exception.filter';
import { CockpitGateGuard } from './http/cockpit-gate.guard';
import { CockpitHttpSetup } from './http/cockpit-http.setup';
import { CockpitUi } from './http/cockpit-ui';
import { OrdersController } from './orders/orders.controller';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';

/** Operator cockpit (9002): thin routes over the domain libraries, every one behind the operator gate. */
@Module({})
export class CockpitAppModule {
  static forRoot(options: AppRuntimeOptions): DynamicModule {
    return {
      module: CockpitAppModule,
      imports: [...bssAppImports({ name: 'cockpit', channel: 'portal-csr', serviceIdentity: 'operator_cockpit' }, options), ConversationModule],
      controllers: [
        HealthController,
        ClockController,
        StaticAssetsController,
        AuthController,
        ConversationController,
        CustomersController,
        SubscriptionsController,
        CasesController,
        OrdersController,
        CatalogController,
      ],
      providers: [
        { provide: StaticAssets, useFactory: () => new StaticAssets() },
        CockpitUi,
        TurnRunner,
        CockpitExceptionFilter,
        CockpitHttpSetup,
        { provide: APP_GUARD, useClass: CockpitGateGuard },
      ],
    };
  }
}
