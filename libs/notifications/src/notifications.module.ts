import { Module, type OnModuleInit } from '@nestjs/common';
import { ConfigInvalid, Database, defineContext, envString, JobQueue } from '@bss/platform';
import { runAsWorker } from '@bss/policies';
import { OutboxEmailTransport } from './adapters/outbox-email.adapter';
import { SmtpEmailTransport } from './adapters/smtp-email.adapter';
import { EmailOutbox, EMAIL_DELIVERY_QUEUE } from './commands/email-outbox';
import { EMAIL_TRANSPORT, type EmailTransport } from './ports/email-transport.port';
import { EmailQueries } from './queries/email.queries';

defineContext({
  name: 'notifications',
  entities: [],
  resetOrder: 95,
  reset: async (tx) => {
    await tx.query('delete from audit.email_outbox');
  },
});

/** `BSS_EMAIL_PROVIDER`: `outbox` (default, offline) or `smtp`. */
export function emailTransportFromEnv(): EmailTransport {
  const provider = envString('BSS_EMAIL_PROVIDER', 'outbox');
  if (provider === 'outbox') return new OutboxEmailTransport();
  if (provider === 'smtp') return new SmtpEmailTransport();
  throw new ConfigInvalid(`BSS_EMAIL_PROVIDER must be outbox or smtp, got "${provider}"`);
}

@Module({
  providers: [{ provide: EMAIL_TRANSPORT, useFactory: emailTransportFromEnv }, EmailOutbox, EmailQueries],
  exports: [EmailOutbox, EmailQueries],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly db: Database,
    private readonly outbox: EmailOutbox,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ outboxId: number }>({
      queue: EMAIL_DELIVERY_QUEUE,
      retryLimit: 8,
      retryDelaySeconds: 30,
      handler: (data) => runAsWorker('email_delivery', () => this.db.transaction((tx) => this.outbox.deliver(tx, data.outboxId))),
    });
  }
}
