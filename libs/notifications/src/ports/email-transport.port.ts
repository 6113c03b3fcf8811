export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
  /** What the message is for: login_code, step_up_code, renewal_reminder, price_migration_notice, … */
  kind: string;
}

/** Where a message goes after it is recorded: nowhere (outbox only, dev) or an SMTP relay. */
export interface EmailTransport {
  readonly provider: string;
  deliver(message: EmailMessage): Promise<void>;
}

export const EMAIL_TRANSPORT = Symbol('EMAIL_TRANSPORT');
