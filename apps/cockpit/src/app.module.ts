import { Module, type DynamicModule } from '@nestjs/common';
import { bssAppImports } from '@bss/core';
import { ClockController, HealthController } from '@bss/web';
import type { AppRuntimeOptions } from '@bss/web';

/** Operator cockpit (9002): thin routes over the domain libraries. */
@Module({})
export class CockpitAppModule {
  static forRoot(options: AppRuntimeOptions): DynamicModule {
    return {
      module: CockpitAppModule,
      imports: bssAppImports({ name: 'cockpit', channel: 'cockpit', serviceIdentity: 'operator_cockpit' }, options),
      controllers: [HealthController, ClockController],
    };
  }
}
