import type { HttpAppDefinition } from '@bss/web';
import { CockpitAppModule } from './app.module';
import { COCKPIT_VIEWS_DIR } from './http/cockpit-ui';

export const APP_DEFINITION: HttpAppDefinition = {
  name: 'cockpit',
  defaultPort: 9002,
  workersByDefault: true,
  viewsDir: COCKPIT_VIEWS_DIR,
  module: (options) => CockpitAppModule.forRoot(options),
};
