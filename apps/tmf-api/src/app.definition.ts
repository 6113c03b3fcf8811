import type { HttpAppDefinition } from '@bss/web';
import { TmfApiAppModule } from './app.module';

export const APP_DEFINITION: HttpAppDefinition = {
  name: 'tmf-api',
  defaultPort: 9004,
  // The hub's relay and delivery queues are defined only where TmfModule is linked (here), so
  // this app runs workers; SKIP LOCKED lets it share the other queues with the cockpit safely.
  workersByDefault: true,
  module: (options) => TmfApiAppModule.forRoot(options),
};
