export * from './notifications.module';
export * from './ports/email-transport.port';
export * from './commands/email-outbox';
export * from './queries/email.queries';
export * from './templates/line-emails';
