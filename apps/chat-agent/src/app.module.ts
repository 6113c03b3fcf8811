import { Module, type DynamicModule } from '@nestjs/common';
import { bssAppImports } from '@bss/core';
import { ClockController, HealthController } from '@bss/web';
import type { AppRuntimeOptions } from '@bss/web';

/** LLM chat-agent service (9003): thin routes over the domain libraries. */
@Module({})
export class ChatAgentAppModule {
  static forRoot(options: AppRuntimeOptions): DynamicModule {
    return {
      module: ChatAgentAppModule,
      imports: bssAppImports({ name: 'chat-agent', channel: 'llm', serviceIdentity: 'default' }, options),
      controllers: [HealthController, ClockController],
    };
  }
}
