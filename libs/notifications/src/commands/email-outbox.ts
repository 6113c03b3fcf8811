import { Inject, Injectable } from '@nestjs/common';
import { JobQueue, type Tx } from '@bss/platform';
import type { WriteScope } from '@bss/audit';
import { EMAIL_TRANSPORT, type EmailMessage, type EmailTransport } from '#notifications/ports/email-transport.port';

export const EMAIL_DELIVERY_QUEUE = 'notifications.deliver_email';

/**
 * Every outgoing email is first a row in audit.email_outbox, written in the caller's
 * transaction; delivery through the configured transport happens afterwards as a durable job,
 * so a rolled-back write never sends mail and a mail outage never fails a write.
 */
@Injectable()
export class EmailOutbox {
  constructor(
    @Inject(EMAIL_TRANSPORT) private readonly transport: EmailTransport,
    private readonly jobs: JobQueue,
  ) {}

  async send(w: WriteScope, message: EmailMessage): Promise<number> {
    const [row] = (await w.tx.query(
      `insert into audit.email_outbox (to_address, subject, body_text, kind, provider, created_at, tenant_id)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [message.to.toLowerCase(), message.subject, message.body, message.kind, this.transport.provider, w.now, w.auth.tenant],
    )) as { id: string }[];
    if (this.transport.provider !== 'outbox') await w.enqueue(EMAIL_DELIVERY_QUEUE, { outboxId: Number(row.id) });
    return Number(row.id);
  }

  /** Job handler: deliver one recorded message and stamp sent_at. */
  async deliver(tx: Tx, outboxId: number): Promise<void> {
    const [row] = (await tx.query(`select to_address, subject, body_text, kind, sent_at from audit.email_outbox where id = $1 for update`, [outboxId])) as {
      to_address: string;
      subject: string;
      body_text: string;
      kind: string;
      sent_at: Date | null;
    }[];
    if (!row || row.sent_at) return;
    await this.transport.deliver({ to: row.to_address, subject: row.subject, body: row.body_text, kind: row.kind });
    await tx.query(`update audit.email_outbox set sent_at = now() where id = $1`, [outboxId]);
  }
}
