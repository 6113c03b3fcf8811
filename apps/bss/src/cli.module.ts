import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { AuditModule } from '@bss/audit';
import { PlatformModule } from '@bss/platform';

/**
 * Every bounded context the CLI links, in-process. Add a context by importing its module here;
 * importing it also registers its entities and seed.
 */
export const CLI_CONTEXT_MODULES: (Type<unknown> | DynamicModule)[] = [];

@Module({})
export class CliModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [PlatformModule.forRoot({ databaseUrl, applicationName: 'bss-cli', workers: false, poolSize: 4, logToStderr: true }), AuditModule, ...CLI_CONTEXT_MODULES],
    };
  }
}
