import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { AuditModule } from '@bss/audit';
import { PlatformModule } from '@bss/platform';

/**
 * The CLI links bounded contexts in-process (it works with or without `npm start`): the platform,
 * the audit log and the given context modules (see `contextModules`), not the whole core.
 */
@Module({})
export class CliModule {
  static forRoot(databaseUrl: string, contexts: readonly Type<unknown>[]): DynamicModule {
    return {
      module: CliModule,
      imports: [PlatformModule.forRoot({ databaseUrl, applicationName: 'bss-cli', workers: false, poolSize: 4, logToStderr: true }), AuditModule, ...contexts],
    };
  }
}
