import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditQueries } from '@bss/audit';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from '#tmf-api/app.module';

const PARTNER_TOKEN = 'u'.repeat(48);
const URL = '/tmf-api/prepayBalanceManagement/v2/client/listener';

describe('tmf-api TMF654 client/listener: a partner notifies us', () => {
  let app: NestFastifyApplication;
  const post = (payload: unknown) => app.inject({ method: 'POST', url: URL, headers: { 'x-bss-api-token': PARTNER_TOKEN, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_ACME_API_TOKEN = PARTNER_TOKEN;
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('stores a valid event once per event id (201 both times) and shows it on the audit log with the partner identity', async () => {
    const event = { eventId: 'acme-evt-1', eventType: 'BalanceTopupCreateEvent', event: { id: 'HUB-1', callback: 'https://acme.example/hub', query: '' } };
    const first = await post(event);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ id: expect.stringMatching(/^INB-[0-9a-f]{8}$/), eventId: 'acme-evt-1', firstDelivery: true });
    const again = await post(event);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ id: first.json().id, firstDelivery: false });

    const audited = await app.get(AuditQueries).list({ eventType: 'partner_event.received', limit: 10 });
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ aggregateId: first.json().id, serviceIdentity: 'partner_acme', payload: { eventType: 'BalanceTopupCreateEvent', eventId: 'acme-evt-1' } });
  });

  it('answers a body without eventId, eventType or an event object with 400 in the TMF error shape', async () => {
    for (const body of [{}, { eventId: 'x', eventType: 'y' }, { eventId: 'x', eventType: 'y', event: 'text' }, [1]]) {
      const res = await post(body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ '@type': 'Error', status: '400' });
    }
  });
});
