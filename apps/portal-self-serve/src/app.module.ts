import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@bss/audit';
import { NotificationsModule } from '@bss/notifications';
import { PlatformModule } from '@bss/platform';
import { PerimeterModule } from '@bss/policies';
import { ClockController, HealthController } from '@bss/web';

export interface AppOptions {
  databaseUrl: string;
  workers: boolean;
}

/** Self-serve customer portal (9001): thin routes over the domain libraries. */
@Module({})
export class PortalAppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: PortalAppModule,
      imports: [
        PlatformModule.forRoot({ databaseUrl: options.databaseUrl, applicationName: 'portal-self-serve', workers: options.workers }),
        AuditModule,
        PerimeterModule.forApp({ channel: 'portal-self-serve', serviceIdentity: 'portal_self_serve' }),
        NotificationsModule,
      ],
      controllers: [HealthController, ClockController],
    };
  }
}
