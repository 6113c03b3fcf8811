import type { HttpAppDefinition } from '@bss/web';
import { ChatAgentAppModule } from './app.module';

export const APP_DEFINITION: HttpAppDefinition = {
  name: 'chat-agent',
  defaultPort: 9003,
  workersByDefault: false,
  module: (options) => ChatAgentAppModule.forRoot(options),
};
