import type { EmailMessage, EmailTransport } from '#notifications/ports/email-transport.port';

/** Dev/offline: the outbox row is the delivery; `bss admin email list` shows it. */
export class OutboxEmailTransport implements EmailTransport {
  readonly provider = 'outbox';

  async deliver(_message: EmailMessage): Promise<void> {
    // Nothing leaves the machine: the message already sits in audit.email_outbox.
  }
}
