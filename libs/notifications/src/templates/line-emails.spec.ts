import { priceChangeNoticeEmail, renewalReminderEmail } from './line-emails';

describe('line emails', () => {
  it('the renewal reminder groups the number, counts days like the portal and writes money as SGD 25.00', () => {
    const mail = renewalReminderEmail({
      customerName: 'Ada Tan',
      planName: 'Standard',
      msisdn: '90000001',
      renewsAt: new Date('2026-01-31T00:00:00Z'),
      now: new Date('2026-01-30T06:00:00Z'),
      amount: '25',
      currency: 'SGD',
    });
    expect(mail.subject).toBe('Your Standard plan renews on 2026-01-31');
    expect(mail.body).toContain('Your Standard plan on 9000 0001 renews in 1 day, on 2026-01-31.');
    expect(mail.body).toContain('We will charge SGD 25.00 to your card on file.');
    expect(mail.kind).toBe('renewal_reminder');
  });

  it('the price change notice uses the same number and money format', () => {
    const mail = priceChangeNoticeEmail({ customerName: 'Ada', planName: 'Max', msisdn: '90000002', oldAmount: '45.00', newAmount: '40.00', currency: 'SGD', effectiveAt: '2026-03-01T00:00:00.000Z' });
    expect(mail.body).toContain('on 9000 0002 changes from SGD 45.00 to SGD 40.00 per 30 days,');
    expect(mail.body).toContain('on or after 2026-03-01.');
  });
});
