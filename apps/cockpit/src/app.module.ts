import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@bss/audit';
import { BssCoreModule } from '@bss/core';
import { PlatformModule } from '@bss/platform';
import { PerimeterModule } from '@bss/policies';
import { ClockController, HealthController } from '@bss/web';
import type { AppRuntimeOptions } from '@bss/web';

/** Operator cockpit (9002): thin routes over the domain libraries. */
@Module({})
export class CockpitAppModule {
  static forRoot(options: AppRuntimeOptions): DynamicModule {
    return {
      module: CockpitAppModule,
      imports: [
        PlatformModule.forRoot({ databaseUrl: options.databaseUrl, applicationName: 'cockpit', workers: options.workers }),
        AuditModule,
        PerimeterModule.forApp({ channel: 'cockpit', serviceIdentity: 'operator_cockpit' }),
        BssCoreModule,
      ],
      controllers: [HealthController, ClockController],
    };
  }
}
