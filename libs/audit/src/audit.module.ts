import { Global, Module } from '@nestjs/common';
import { AuditLog } from './commands/audit-log';
import { ChatTranscripts } from './commands/chat-transcripts';
import { ExternalCallLog } from './commands/external-call-log';
import { ResetOperationalDataCommand } from './commands/reset-operational-data.command';
import { UnitOfWork } from './commands/unit-of-work';
import { AuditQueries } from './queries/audit.queries';
import { ExternalCallQueries } from './queries/external-call.queries';
import { TraceQueries } from './queries/trace.queries';

/** Global: every context's commands run through UnitOfWork and write through AuditLog. */
@Global()
@Module({
  providers: [AuditLog, UnitOfWork, AuditQueries, TraceQueries, ExternalCallLog, ExternalCallQueries, ResetOperationalDataCommand, ChatTranscripts],
  exports: [AuditLog, UnitOfWork, AuditQueries, TraceQueries, ExternalCallLog, ExternalCallQueries, ResetOperationalDataCommand, ChatTranscripts],
})
export class AuditModule {}
