import { Global, Module } from '@nestjs/common';
import { AuditLog } from './commands/audit-log';
import { ExternalCallLog } from './commands/external-call-log';
import { UnitOfWork } from './commands/unit-of-work';
import { AuditQueries } from './queries/audit.queries';

/** Global: every context's commands run through UnitOfWork and write through AuditLog. */
@Global()
@Module({ providers: [AuditLog, UnitOfWork, AuditQueries, ExternalCallLog], exports: [AuditLog, UnitOfWork, AuditQueries, ExternalCallLog] })
export class AuditModule {}
