import type { HttpAppDefinition } from '@bss/web';
import { PortalAppModule } from './app.module';
import { PORTAL_VIEWS_DIR } from './http/portal-ui';

export const APP_DEFINITION: HttpAppDefinition = {
  name: 'portal-self-serve',
  defaultPort: 9001,
  workersByDefault: false,
  viewsDir: PORTAL_VIEWS_DIR,
  module: (options) => PortalAppModule.forRoot(options),
};
