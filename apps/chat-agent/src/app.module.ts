import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@bss/audit';
import { BssCoreModule } from '@bss/core';
import { PlatformModule } from '@bss/platform';
import { PerimeterModule } from '@bss/policies';
import { ClockController, HealthController } from '@bss/web';
import type { AppRuntimeOptions } from '@bss/web';

/** LLM chat-agent service (9003): thin routes over the domain libraries. */
@Module({})
export class ChatAgentAppModule {
  static forRoot(options: AppRuntimeOptions): DynamicModule {
    return {
      module: ChatAgentAppModule,
      imports: [
        PlatformModule.forRoot({ databaseUrl: options.databaseUrl, applicationName: 'chat-agent', workers: options.workers }),
        AuditModule,
        PerimeterModule.forApp({ channel: 'llm', serviceIdentity: 'default' }),
        BssCoreModule,
      ],
      controllers: [HealthController, ClockController],
    };
  }
}
