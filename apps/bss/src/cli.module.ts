import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@bss/audit';
import { ConversationModule } from '@bss/conversation';
import { BssCoreModule } from '@bss/core';
import { PlatformModule } from '@bss/platform';

/** The CLI links every bounded context in-process (it works with or without `npm start`). */
@Module({})
export class CliModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [PlatformModule.forRoot({ databaseUrl, applicationName: 'bss-cli', workers: false, poolSize: 4, logToStderr: true }), AuditModule, BssCoreModule, ConversationModule],
    };
  }
}
