import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@bss/audit';
import { BssCoreModule } from '@bss/core';
import { PlatformModule } from '@bss/platform';
import { PerimeterModule } from '@bss/policies';
import { ClockController, HealthController } from '@bss/web';

export interface AppOptions {
  databaseUrl: string;
  workers: boolean;
}

/** LLM chat-agent service (9003): thin routes over the domain libraries. */
@Module({})
export class ChatAgentAppModule {
  static forRoot(options: AppOptions): DynamicModule {
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
