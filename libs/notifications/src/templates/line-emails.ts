import { daysUntil, formatMsisdn, formatPrice, renewalCountdown } from '@bss/platform';

/** A rendered email, ready for EmailOutbox.send. */
export interface EmailContent {
  subject: string;
  body: string;
  kind: string;
}

export interface RenewalReminderFacts {
  customerName: string;
  planName: string;
  msisdn: string;
  renewsAt: Date;
  /** The clock's now, so "in N days" counts the way the portal and the CLI card do. */
  now: Date;
  amount: string;
  currency: string;
}

/** The reminder before a renewal charge: the number, plan and money written as the portal writes them. */
export function renewalReminderEmail(f: RenewalReminderFacts): EmailContent {
  const renewsOn = f.renewsAt.toISOString().slice(0, 10);
  return {
    subject: `Your ${f.planName} plan renews on ${renewsOn}`,
    body: [
      `Hello ${f.customerName},`,
      '',
      `Your ${f.planName} plan on ${formatMsisdn(f.msisdn)} renews ${renewalCountdown(daysUntil(f.renewsAt, f.now))}, on ${renewsOn}.`,
      `We will charge ${formatPrice(f.amount, f.currency)} to your card on file.`,
    ].join('\n'),
    kind: 'renewal_reminder',
  };
}

export interface PriceChangeFacts {
  customerName: string;
  planName: string;
  msisdn: string;
  oldAmount: string;
  newAmount: string;
  currency: string;
  /** ISO date-time the new price applies from. */
  effectiveAt: string;
}

export function priceChangeNoticeEmail(f: PriceChangeFacts): EmailContent {
  return {
    subject: `Your ${f.planName} plan price is changing`,
    body: [
      `Hello ${f.customerName},`,
      '',
      `The price of your ${f.planName} plan on ${formatMsisdn(f.msisdn)} changes from ${formatPrice(f.oldAmount, f.currency)} to ${formatPrice(f.newAmount, f.currency)} per 30 days,`,
      `starting with your first renewal on or after ${f.effectiveAt.slice(0, 10)}.`,
      '',
      'You can change plans at any time before then.',
    ].join('\n'),
    kind: 'price_migration_notice',
  };
}
