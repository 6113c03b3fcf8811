import { UnitOfWork } from '@bss/audit';
import { createTestApp, type TestApp } from '@bss/testing';
import { NotificationsModule } from '#notifications/notifications.module';
import { EmailOutbox } from './email-outbox';
import { EmailQueries } from '#notifications/queries/email.queries';

describe('EmailOutbox (dev transport)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [NotificationsModule] });
    await app.clock.freeze('2026-02-01T08:00:00Z');
  });
  afterAll(() => app.close());

  it('records the message in the outbox, readable by recipient (case-insensitive)', async () => {
    await app.get(UnitOfWork).run((w) => app.get(EmailOutbox).send(w, { to: 'Ada@Example.com', subject: 'Your code', body: 'Code: 123456', kind: 'login_code' }));
    const [mail] = await app.get(EmailQueries).list({ to: 'ada@example.COM' });
    expect(mail).toMatchObject({ to: 'ada@example.com', subject: 'Your code', body: 'Code: 123456', kind: 'login_code', provider: 'outbox', createdAt: '2026-02-01T08:00:00.000Z' });
  });

  it('writes nothing when the surrounding write rolls back', async () => {
    await expect(
      app.get(UnitOfWork).run(async (w) => {
        await app.get(EmailOutbox).send(w, { to: 'rollback@example.com', subject: 's', body: 'b', kind: 'test' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await app.get(EmailQueries).list({ to: 'rollback@example.com' })).toEqual([]);
  });
});
