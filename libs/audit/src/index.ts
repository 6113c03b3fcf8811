export * from './audit.module';
export * from './domain/domain-event';
export * from './commands/audit-log';
export * from './commands/unit-of-work';
export * from './queries/audit.queries';
export * from './commands/external-call-log';
export * from './commands/reset-operational-data.command';
export * from './commands/chat-transcripts';
