import { Module, type DynamicModule } from '@nestjs/common';
import { ChatModule } from '@bss/chat';
import { bssAppImports } from '@bss/core';
import { ClockController, HealthController } from '@bss/web';
import type { AppRuntimeOptions } from '@bss/web';
import { ChatTurnsController } from './turns/chat-turns.controller';

/** The agent service (9003): hosts chat turns over HTTP for the other apps, behind their named tokens. */
@Module({})
export class ChatAgentAppModule {
  static forRoot(options: AppRuntimeOptions): DynamicModule {
    return {
      module: ChatAgentAppModule,
      imports: [...bssAppImports({ name: 'chat-agent', channel: 'llm', serviceIdentity: 'default' }, options), ChatModule],
      controllers: [HealthController, ClockController, ChatTurnsController],
    };
  }
}
