import type { HttpAppDefinition } from '@bss/web';
import { TmfApiAppModule } from './app.module';

export const APP_DEFINITION: HttpAppDefinition = {
  name: 'tmf-api',
  defaultPort: 9004,
  // The hub's relay and delivery run in the one worker process (the cockpit): BssCoreModule links TmfModule.
  workersByDefault: false,
  module: (options) => TmfApiAppModule.forRoot(options),
};
