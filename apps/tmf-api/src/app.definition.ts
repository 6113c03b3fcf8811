import type { HttpAppDefinition } from '@bss/web';
import { TmfApiAppModule } from './app.module';

export const APP_DEFINITION: HttpAppDefinition = {
  name: 'tmf-api',
  defaultPort: 9004,
  workersByDefault: false,
  module: (options) => TmfApiAppModule.forRoot(options),
};
