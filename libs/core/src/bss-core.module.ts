import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { AuditModule } from '@bss/audit';
import { CatalogModule } from '@bss/catalog';
import { CrmModule } from '@bss/crm';
import { IdentityModule } from '@bss/identity';
import { InventoryModule } from '@bss/inventory';
import { NotificationsModule } from '@bss/notifications';
import { OrdersModule } from '@bss/orders';
import { PaymentModule } from '@bss/payment';
import { PlatformModule } from '@bss/platform';
import { PerimeterModule, type Channel } from '@bss/policies';
import { PromosModule } from '@bss/promos';
import { SignupModule } from '@bss/signup';
import { SubscriptionModule } from '@bss/subscription';
import { TmfModule } from '@bss/tmf';

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
  SignupModule,
  // Linked here, not only in tmf-api, so the one worker process (the cockpit's) relays and delivers hub events.
  TmfModule,
];

@Module({ imports: BSS_CONTEXT_MODULES, exports: BSS_CONTEXT_MODULES })
export class BssCoreModule {}

export interface BssAppIdentity {
  /** Shown in pg_stat_activity and on every log line. */
  name: string;
  /** Channel and service identity stamped on the app's own (public) requests. */
  channel: Channel;
  serviceIdentity: string;
}

/**
 * The modules every HTTP app links, in one place: the platform (database, clock, jobs), the
 * audit log, the named-token perimeter for this app, and the whole BSS core.
 */
export function bssAppImports(app: BssAppIdentity, options: { databaseUrl: string; workers: boolean }): (DynamicModule | Type<unknown>)[] {
  return [
    PlatformModule.forRoot({ databaseUrl: options.databaseUrl, applicationName: app.name, workers: options.workers }),
    AuditModule,
    PerimeterModule.forApp({ channel: app.channel, serviceIdentity: app.serviceIdentity }),
    BssCoreModule,
  ];
}
