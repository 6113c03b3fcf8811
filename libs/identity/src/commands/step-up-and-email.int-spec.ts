import { CreateCustomerCommand, CustomerQueries } from '@bss/crm';
import { EmailQueries } from '@bss/notifications';
import { createTestApp, type TestApp } from '@bss/testing';
import { IdentityModule } from '#identity/identity.module';
import { IdentityQueries } from '#identity/queries/identity.queries';
import { CancelEmailChangeCommand, StartEmailChangeCommand, VerifyEmailChangeCommand } from './email-change.commands';
import { StartLoginCommand } from './start-login.command';
import { ConsumeStepUpGrantCommand, StartStepUpCommand, StashStepUpActionCommand, VerifyStepUpCommand } from './step-up.commands';
import { VerifyLoginCommand } from './verify-login.command';

process.env.BSS_PORTAL_TOKEN_PEPPER ??= 'test-pepper-'.padEnd(48, 'x');

async function codeFrom(app: TestApp, to: string, kind: string): Promise<string> {
  const [mail] = await app.get(EmailQueries).list({ to, kind, limit: 1 });
  return /(\d{6})/.exec(mail.subject)![1];
}

describe('step-up and email change', () => {
  let app: TestApp;
  let session: { sessionId: string; identityId: string; customerId: string };

  beforeAll(async () => {
    app = await createTestApp({ imports: [IdentityModule] });
    await app.clock.freeze('2026-03-01T09:00:00Z');
    const customer = await app.get(CreateCustomerCommand).execute({ givenName: 'Ada', familyName: 'Lim', email: 'ada@example.sg', phone: '+6591230002' });
    await app.get(CreateCustomerCommand).execute({ givenName: 'Bo', familyName: 'Ng', email: 'taken@example.sg' });
    await app.get(StartLoginCommand).execute({ email: 'ada@example.sg' });
    const ok = await app.get(VerifyLoginCommand).execute({ email: 'ada@example.sg', code: await codeFrom(app, 'ada@example.sg', 'portal.login') });
    if (ok.status !== 'ok') throw new Error('login');
    session = { sessionId: ok.sessionId, identityId: ok.identityId, customerId: customer.id };
  });
  afterAll(() => app.close());

  /** Another session of the same identity (another browser). */
  const signIn = async (ip: string) => {
    await app.get(StartLoginCommand).execute({ email: 'ada@example.sg', ip });
    const ok = await app.get(VerifyLoginCommand).execute({ email: 'ada@example.sg', code: await codeFrom(app, 'ada@example.sg', 'portal.login'), ip });
    if (ok.status !== 'ok') throw new Error('login');
    return ok;
  };
  const scope = () => ({ sessionId: session.sessionId, identityId: session.identityId });
  const stepUp = async (label: 'name_update' | 'payment_method_remove' | 'vas_purchase') => {
    expect(await app.get(StartStepUpCommand).execute({ ...scope(), label })).toEqual({ status: 'sent' });
    const code = await codeFrom(app, 'ada@example.sg', 'portal.step_up');
    return app.get(VerifyStepUpCommand).execute({ ...scope(), label, code });
  };

  it('a verified code mints a one-use grant for its label only, and hands back the stash', async () => {
    await app.get(StashStepUpActionCommand).execute({ sessionId: session.sessionId, label: 'name_update', targetUrl: '/profile/contact/name/update?x=1', payload: { givenName: 'Ada', _csrf: 't' } });
    const verified = await stepUp('name_update');
    if (verified.status !== 'ok') throw new Error('verify');
    expect(verified.stash).toEqual({ targetUrl: '/profile/contact/name/update?x=1', payload: { givenName: 'Ada' }, redacted: false });
    const consume = app.get(ConsumeStepUpGrantCommand);
    expect(await consume.execute({ ...scope(), label: 'payment_method_remove', grant: verified.grant })).toBe(false);
    expect(await consume.execute({ ...scope(), label: 'name_update', grant: verified.grant })).toBe(true);
    expect(await consume.execute({ ...scope(), label: 'name_update', grant: verified.grant })).toBe(false);
  });

  it('a grant earned in session A does not authorise session B of the same identity (#16.4)', async () => {
    const other = await signIn('10.7.7.7');
    expect(other.identityId).toBe(session.identityId);
    const verified = await stepUp('name_update');
    if (verified.status !== 'ok') throw new Error('verify');
    const consume = app.get(ConsumeStepUpGrantCommand);
    expect(await consume.execute({ sessionId: other.sessionId, identityId: session.identityId, label: 'name_update', grant: verified.grant })).toBe(false);
    expect(await consume.execute({ ...scope(), label: 'name_update', grant: verified.grant })).toBe(true);
  });

  it('grants expire after 60 s', async () => {
    const verified = await stepUp('vas_purchase');
    if (verified.status !== 'ok') throw new Error('verify');
    expect(verified.stash).toBeNull();
    await app.clock.advance('61s');
    expect(await app.get(ConsumeStepUpGrantCommand).execute({ ...scope(), label: 'vas_purchase', grant: verified.grant })).toBe(false);
  });

  it('card numbers are never stashed', async () => {
    const { redacted } = await app.get(StashStepUpActionCommand).execute({
      sessionId: session.sessionId,
      label: 'vas_purchase',
      targetUrl: '/payment-methods/add',
      payload: { card_number: '4242424242424242', exp_month: '12' },
    });
    expect(redacted).toBe(true);
    const rows = await app.db.query<{ payload_json: object }>(`select payload_json from portal_auth.step_up_pending_action order by created_at desc limit 1`);
    expect(JSON.stringify(rows[0].payload_json)).not.toContain('4242');
  });

  it('the 6th step-up start per session in 15 minutes is rate limited; verify checks are limited too; clock advance resets neither (#16.6)', async () => {
    const fresh = await signIn('10.7.7.8');
    const own = { sessionId: fresh.sessionId, identityId: fresh.identityId };
    for (let i = 0; i < 5; i++) expect(await app.get(StartStepUpCommand).execute({ ...own, label: 'name_update' })).toEqual({ status: 'sent' });
    expect(await app.get(StartStepUpCommand).execute({ ...own, label: 'name_update' })).toEqual({ status: 'rate_limited' });
    for (let i = 0; i < 10; i++) await app.get(VerifyStepUpCommand).execute({ ...own, label: 'name_update', code: '000000' });
    const code = await codeFrom(app, 'ada@example.sg', 'portal.step_up');
    expect(await app.get(VerifyStepUpCommand).execute({ ...own, label: 'name_update', code })).toEqual({ status: 'rate_limited' });
    // The windows are wall time: moving the business clock past them changes nothing.
    await app.clock.advance('16m');
    expect(await app.get(StartStepUpCommand).execute({ ...own, label: 'name_update' })).toEqual({ status: 'rate_limited' });
    expect(await app.get(VerifyStepUpCommand).execute({ ...own, label: 'name_update', code })).toEqual({ status: 'rate_limited' });
  });

  it('an address already in use is refused and no code is sent', async () => {
    const before = (await app.get(EmailQueries).list({ to: 'taken@example.sg' })).length;
    await expect(app.get(StartEmailChangeCommand).execute({ identityId: session.identityId, newEmail: 'taken@example.sg' })).rejects.toMatchObject({
      rule: 'email_change.start.email_in_use',
    });
    expect((await app.get(EmailQueries).list({ to: 'taken@example.sg' })).length).toBe(before);
  });

  it('the code goes to the NEW address; a wrong code changes nothing; the right one swaps CRM and identity', async () => {
    await app.get(StartEmailChangeCommand).execute({ identityId: session.identityId, newEmail: 'Ada.New@Example.SG' });
    expect(await app.get(EmailQueries).list({ to: 'ada@example.sg', kind: 'portal.email_change' })).toHaveLength(0);
    const code = await codeFrom(app, 'ada.new@example.sg', 'portal.email_change');
    const verifyCmd = app.get(VerifyEmailChangeCommand);
    expect(await verifyCmd.execute({ identityId: session.identityId, code: code === '123456' ? '654321' : '123456' })).toEqual({ status: 'failed', reason: 'wrong_code' });
    expect((await app.get(CustomerQueries).get(session.customerId)).email).toBe('ada@example.sg');
    expect(await verifyCmd.execute({ identityId: session.identityId, code })).toEqual({ status: 'ok', email: 'ada.new@example.sg' });
    expect((await app.get(CustomerQueries).get(session.customerId)).email).toBe('ada.new@example.sg');
    expect((await app.get(IdentityQueries).get(session.identityId)).email).toBe('ada.new@example.sg');
    expect(await verifyCmd.execute({ identityId: session.identityId, code })).toEqual({ status: 'failed', reason: 'no_active_pending' });
  });

  it('a failure mid-verify rolls back CRM and identity together', async () => {
    await app.get(StartEmailChangeCommand).execute({ identityId: session.identityId, newEmail: 'late@example.sg' });
    const code = await codeFrom(app, 'late@example.sg', 'portal.email_change');
    // Someone else takes the address between start and verify: the CRM refuses inside our transaction.
    await app.get(CreateCustomerCommand).execute({ givenName: 'Cy', familyName: 'Ong', email: 'late@example.sg' });
    await expect(app.get(VerifyEmailChangeCommand).execute({ identityId: session.identityId, code })).rejects.toMatchObject({ code: 'POLICY_VIOLATION' });
    expect((await app.get(CustomerQueries).get(session.customerId)).email).toBe('ada.new@example.sg');
    expect((await app.get(IdentityQueries).get(session.identityId)).email).toBe('ada.new@example.sg');
    expect(await app.get(IdentityQueries).pendingEmailChange(session.identityId)).toMatchObject({ newEmail: 'late@example.sg' });
    expect(await app.get(CancelEmailChangeCommand).execute({ identityId: session.identityId })).toEqual({ cancelled: 1 });
    expect(await app.get(IdentityQueries).pendingEmailChange(session.identityId)).toBeNull();
  });
});
