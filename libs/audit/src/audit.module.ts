import { Global, Module } from '@nestjs/common';
import { AuditLog } from './commands/audit-log';
import { UnitOfWork } from './commands/unit-of-work';
import { AuditQueries } from './queries/audit.queries';

/** Global: every context's commands run through UnitOfWork and write through AuditLog. */
@Global()
@Module({ providers: [AuditLog, UnitOfWork, AuditQueries], exports: [AuditLog, UnitOfWork, AuditQueries] })
export class AuditModule {}
