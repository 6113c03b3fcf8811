import { Module, type DynamicModule } from '@nestjs/common';
import { ChatModule } from '@bss/chat';
import { ConversationModule } from '@bss/conversation';
import { bssAppImports } from '@bss/core';
import { ClockController, HealthController } from '@bss/web';
import type { AppRuntimeOptions } from '@bss/web';
import { ChatTurnsController } from './turns/chat-turns.controller';
import { OperatorTurns } from './turns/operator-turns';

/**
 * The agent service (9003): hosts turns over HTTP for the other apps, behind their named tokens —
 * customer chat turns for the portal, operator_cockpit turns (in the cockpit's conversation
 * sessions) for the cockpit.
 */
@Module({})
export class ChatAgentAppModule {
  static forRoot(options: AppRuntimeOptions): DynamicModule {
    return {
      module: ChatAgentAppModule,
      imports: [...bssAppImports({ name: 'chat-agent', channel: 'llm', serviceIdentity: 'default' }, options), ChatModule, ConversationModule],
      controllers: [HealthController, ClockController, ChatTurnsController],
      providers: [OperatorTurns],
    };
  }
}
