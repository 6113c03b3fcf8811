import type { HttpAppDefinition } from '@bss/web';
import { CockpitAppModule } from './app.module';

export const APP_DEFINITION: HttpAppDefinition = {
  name: 'cockpit',
  defaultPort: 9002,
  workersByDefault: true,
  module: (options) => CockpitAppModule.forRoot(options),
};
