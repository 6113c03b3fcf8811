import { CreateCustomerCommand } from '@bss/crm';
import { EmailQueries } from '@bss/notifications';
import { createTestApp, type TestApp } from '@bss/testing';
import { IdentityModule } from '#identity/identity.module';
import { IdentityQueries } from '#identity/queries/identity.queries';
import { RevokeSessionCommand, RotateSessionCommand, SessionResolver } from './session.commands';
import { StartLoginCommand } from './start-login.command';
import { VerifyLoginCommand } from './verify-login.command';

process.env.BSS_PORTAL_TOKEN_PEPPER ??= 'test-pepper-'.padEnd(48, 'x');

/** The code and link token of the newest login email to `to`. */
async function lastLoginMail(app: TestApp, to: string): Promise<{ code: string; token: string }> {
  const [mail] = await app.get(EmailQueries).list({ to, kind: 'portal.login', limit: 1 });
  return { code: /code is (\d{6})/.exec(mail.body)![1], token: /token=([A-Za-z0-9_-]{32})/.exec(mail.body)![1] };
}

describe('portal login', () => {
  let app: TestApp;
  let start: StartLoginCommand;
  let verify: VerifyLoginCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [IdentityModule] });
    await app.clock.freeze('2026-03-01T09:00:00Z');
    start = app.get(StartLoginCommand);
    verify = app.get(VerifyLoginCommand);
  });
  afterAll(() => app.close());

  it('normalises the email (trim, lower-case, + kept) and mails a code and a link, storing only HMACs', async () => {
    const result = await start.execute({ email: ' Ada+x@Example.SG ', ip: '10.0.0.1' });
    expect(result).toEqual({ status: 'sent', email: 'ada+x@example.sg' });
    const { code, token } = await lastLoginMail(app, 'ada+x@example.sg');
    const rows = await app.db.query<{ code_hash: string }>(`select code_hash from portal_auth.login_token`);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.code_hash).not.toContain(code);
      expect(r.code_hash).not.toContain(token);
    }
  });

  it('a right code opens a session and spends the sibling link too', async () => {
    await start.execute({ email: 'bea@example.sg', ip: '10.0.0.2' });
    const { code, token } = await lastLoginMail(app, 'bea@example.sg');
    const ok = await verify.execute({ email: 'bea@example.sg', code });
    expect(ok).toMatchObject({ status: 'ok', linked: false });
    const again = await verify.execute({ email: 'bea@example.sg', token });
    expect(again).toEqual({ status: 'failed', reason: 'no_active_token' });
    const identity = await app.get(IdentityQueries).findByEmail('bea@example.sg');
    expect(identity).toMatchObject({ status: 'verified' });
    expect(identity!.emailVerifiedAt).not.toBeNull();
  });

  it('wrong and expired codes fail with distinct audit outcomes', async () => {
    await start.execute({ email: 'cy@example.sg', ip: '10.0.0.3' });
    const { code } = await lastLoginMail(app, 'cy@example.sg');
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await verify.execute({ email: 'cy@example.sg', code: wrong })).toEqual({ status: 'failed', reason: 'wrong_code' });
    await app.clock.advance('16m');
    expect(await verify.execute({ email: 'cy@example.sg', code })).toEqual({ status: 'failed', reason: 'expired' });
    expect(await verify.execute({ email: 'nobody@example.sg', code })).toEqual({ status: 'failed', reason: 'no_such_identity' });
    const outcomes = (await app.get(IdentityQueries).loginAttempts({ email: 'cy@example.sg', stage: 'login_verify' })).map((a) => a.outcome);
    expect(outcomes).toEqual(['expired', 'wrong_code']);
  });

  it('the 4th start per email in 15 minutes and the 11th per IP in an hour are rate limited', async () => {
    for (let i = 0; i < 3; i++) expect((await start.execute({ email: 'dee@example.sg', ip: '10.0.1.1' })).status).toBe('sent');
    expect(await start.execute({ email: 'dee@example.sg', ip: '10.0.1.1' })).toMatchObject({ status: 'rate_limited', scope: 'email' });
    for (let i = 0; i < 10; i++) expect((await start.execute({ email: `ip${i}@example.sg`, ip: '10.9.9.9' })).status).toBe('sent');
    expect(await start.execute({ email: 'ip10@example.sg', ip: '10.9.9.9' })).toMatchObject({ status: 'rate_limited', scope: 'ip' });
    const limited = await app.get(IdentityQueries).loginAttempts({ email: 'dee@example.sg', stage: 'login_start' });
    expect(limited[0].outcome).toBe('rate_limited');
  });

  it('after 10 verifies for an email in 15 minutes even the right code is refused', async () => {
    await start.execute({ email: 'eve@example.sg', ip: '10.0.2.1' });
    const { code } = await lastLoginMail(app, 'eve@example.sg');
    const wrong = code === '999999' ? '888888' : '999999';
    for (let i = 0; i < 10; i++) await verify.execute({ email: 'eve@example.sg', code: wrong });
    expect(await verify.execute({ email: 'eve@example.sg', code })).toEqual({ status: 'rate_limited' });
  });

  it('a stranger guessing from one IP locks out only that IP, not the owner elsewhere (#16.5)', async () => {
    await start.execute({ email: 'own@example.sg', ip: '10.0.5.1' });
    const { code } = await lastLoginMail(app, 'own@example.sg');
    const wrong = code === '999999' ? '888888' : '999999';
    for (let i = 0; i < 10; i++) expect(await verify.execute({ email: 'own@example.sg', code: wrong, ip: '192.0.2.66' })).toMatchObject({ status: 'failed' });
    expect(await verify.execute({ email: 'own@example.sg', code, ip: '192.0.2.66' })).toEqual({ status: 'rate_limited' });
    expect(await verify.execute({ email: 'own@example.sg', code, ip: '10.0.5.1' })).toMatchObject({ status: 'ok' });
  });

  it('a successful sign-in is not counted as a failure', async () => {
    await start.execute({ email: 'ok@example.sg', ip: '10.0.8.1' });
    const { code } = await lastLoginMail(app, 'ok@example.sg');
    const wrong = code === '999999' ? '888888' : '999999';
    for (let i = 0; i < 9; i++) await verify.execute({ email: 'ok@example.sg', code: wrong, ip: '10.0.8.1' });
    expect(await verify.execute({ email: 'ok@example.sg', code, ip: '10.0.8.1' })).toMatchObject({ status: 'ok' });
    expect(await verify.execute({ email: 'ok@example.sg', code: wrong, ip: '10.0.8.1' })).toMatchObject({ status: 'failed' });
  });

  it('guesses spread over many IPs still hit the per-email cap (#16.5)', async () => {
    await start.execute({ email: 'many@example.sg', ip: '10.0.6.1' });
    const { code } = await lastLoginMail(app, 'many@example.sg');
    const wrong = code === '999999' ? '888888' : '999999';
    for (let ip = 0; ip < 5; ip++) {
      for (let i = 0; i < 10; i++) await verify.execute({ email: 'many@example.sg', code: wrong, ip: `192.0.2.${ip}` });
    }
    expect(await verify.execute({ email: 'many@example.sg', code, ip: '10.0.6.1' })).toEqual({ status: 'rate_limited' });
  });

  it('advancing the platform clock resets no security window (#16.6)', async () => {
    const clock = (await app.clock.state()).now;
    try {
      for (let i = 0; i < 3; i++) await start.execute({ email: 'wall@example.sg', ip: '10.0.7.1' });
      expect(await start.execute({ email: 'wall@example.sg', ip: '10.0.7.1' })).toMatchObject({ status: 'rate_limited', scope: 'email' });
      const { code } = await lastLoginMail(app, 'wall@example.sg');
      for (let i = 0; i < 10; i++) await verify.execute({ email: 'wall@example.sg', code: code === '999999' ? '888888' : '999999', ip: '10.0.7.1' });
      await app.clock.advance('2h');
      expect(await start.execute({ email: 'wall@example.sg', ip: '10.0.7.1' })).toMatchObject({ status: 'rate_limited', scope: 'email' });
      expect(await verify.execute({ email: 'wall@example.sg', code, ip: '10.0.7.1' })).toEqual({ status: 'rate_limited' });
    } finally {
      await app.clock.freeze(clock);
    }
  });

  it('auto-links an identity whose email is a live CRM email (registered)', async () => {
    const customer = await app.get(CreateCustomerCommand).execute({ givenName: 'Fay', familyName: 'Tan', email: 'fay@example.sg', phone: '+6591230001' });
    await start.execute({ email: 'FAY@example.sg', ip: '10.0.3.1' });
    const { token } = await lastLoginMail(app, 'fay@example.sg');
    const ok = await verify.execute({ email: 'fay@example.sg', token });
    expect(ok).toMatchObject({ status: 'ok', linked: true, customerId: customer.id });
    expect(await app.get(IdentityQueries).findByEmail('fay@example.sg')).toMatchObject({ status: 'registered', customerId: customer.id });
  });

  it('sessions resolve from the cookie token, rotate at half-life (old id dead) and log out', async () => {
    await start.execute({ email: 'gus@example.sg', ip: '10.0.4.1' });
    const { code } = await lastLoginMail(app, 'gus@example.sg');
    const ok = await verify.execute({ email: 'gus@example.sg', code });
    if (ok.status !== 'ok') throw new Error('login failed');
    const resolver = app.get(SessionResolver);
    expect(await resolver.resolve(ok.sessionToken)).toMatchObject({ sessionId: ok.sessionId, email: 'gus@example.sg', dueForRotation: false });
    expect(await resolver.resolve('x'.repeat(32))).toBeNull();
    await app.clock.advance('12h');
    expect(await resolver.resolve(ok.sessionToken)).toMatchObject({ dueForRotation: true });
    const fresh = await app.get(RotateSessionCommand).execute({ sessionId: ok.sessionId });
    expect(await resolver.resolve(ok.sessionToken)).toBeNull();
    expect(await resolver.resolve(fresh!.token)).toMatchObject({ identityId: ok.identityId, dueForRotation: false });
    await app.get(RevokeSessionCommand).execute({ sessionId: fresh!.sessionId });
    expect(await resolver.resolve(fresh!.token)).toBeNull();
  });
});
