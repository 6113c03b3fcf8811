import type { Transporter } from 'nodemailer';
import { ConfigInvalid, envInt, envString } from '@bss/platform';
import type { EmailMessage, EmailTransport } from '#notifications/ports/email-transport.port';

/** Real delivery through SMTP (`BSS_EMAIL_PROVIDER=smtp`, `BSS_SMTP_URL`, `BSS_EMAIL_FROM`). */
export class SmtpEmailTransport implements EmailTransport {
  readonly provider = 'smtp';
  private readonly transporter: Transporter;
  private readonly from: string;

  constructor() {
    const url = envString('BSS_SMTP_URL');
    const from = envString('BSS_EMAIL_FROM');
    if (!url || !from) throw new ConfigInvalid('BSS_EMAIL_PROVIDER=smtp needs BSS_SMTP_URL (smtp://user:pass@host:587) and BSS_EMAIL_FROM');
    this.from = from;
    // Required here, not at import: only the SMTP provider needs nodemailer, and every process
    // (each `bss` call too) imports this context.
    const { createTransport } = require('nodemailer') as typeof import('nodemailer');
    this.transporter = createTransport(url, { connectionTimeout: envInt('BSS_SMTP_TIMEOUT_MS', 10_000) });
  }

  async deliver(message: EmailMessage): Promise<void> {
    await this.transporter.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.body });
  }
}
