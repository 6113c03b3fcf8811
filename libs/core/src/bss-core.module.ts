import { Module } from '@nestjs/common';
import { CatalogModule } from '@bss/catalog';
import { CrmModule } from '@bss/crm';
import { IdentityModule } from '@bss/identity';
import { InventoryModule } from '@bss/inventory';
import { NotificationsModule } from '@bss/notifications';
import { OrdersModule } from '@bss/orders';
import { PaymentModule } from '@bss/payment';
import { PromosModule } from '@bss/promos';
import { SubscriptionModule } from '@bss/subscription';

/**
 * The BSS core: every bounded context, linked in-process. Every app (portal, cockpit,
 * chat-agent, the CLI) imports this one module, so each process registers the same entities,
 * seeds, job handlers and schedules — a worker in any replica can run any job.
 */
export const BSS_CONTEXT_MODULES = [
  CatalogModule,
  CrmModule,
  InventoryModule,
  PaymentModule,
  SubscriptionModule,
  OrdersModule,
  PromosModule,
  NotificationsModule,
  IdentityModule,
];

@Module({ imports: BSS_CONTEXT_MODULES, exports: BSS_CONTEXT_MODULES })
export class BssCoreModule {}
