import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Database } from '@bss/platform';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from '#tmf-api/app.module';
import { expectOfficialShape } from '#tmf-api/testing/official-schemas';
import { listenerOperations } from './listener.controllers';

const ACME = 'l'.repeat(48);
const PARTY = '/tmf-api/party/v4';
const USAGE = '/tmf-api/usageConsumption/v4';

describe('TMF632 and TMF677 listener endpoints store what partners post in the listener inbox', () => {
  let app: NestFastifyApplication;

  const post = (url: string, payload: unknown, token = ACME) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers: { 'x-bss-api-token': token, 'content-type': 'application/json' } });
  const inbox = async () =>
    (await app.get(Database).manager.query(`select id, service_identity as "serviceIdentity", api, event_type as "eventType", event_id as "eventId", event as payload from tmf.listener_inbox where api <> 'prepayBalance' order by received_at`)) as {
      id: string;
      serviceIdentity: string;
      api: string;
      eventType: string;
      eventId: string;
      payload: Record<string, unknown>;
    }[];

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_ACME_API_TOKEN = ACME;
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.get(Database).seed();
  });
  afterAll(() => app.close());

  it('serves every official listener operation of TMF632 (8) and TMF677 (1)', () => {
    expect(listenerOperations('party').map((o) => o.event)).toHaveLength(8);
    expect(listenerOperations('usageConsumption').map((o) => o.definition)).toEqual(['UsageConsumptionReportRequestStateChangeNotification']);
  });

  it('accepts each official event with 201 and the EventSubscription shape, stores it once per eventId under the partner', async () => {
    for (const op of listenerOperations('party')) {
      const eventType = `${op.event[0].toUpperCase()}${op.event.slice(1)}`;
      const res = await post(`${PARTY}/listener/${op.event}`, { eventId: `EV-${op.event}`, eventTime: '2026-01-01T00:00:00Z', eventType, event: { individual: { id: 'P-1', givenName: 'Ada' } } });
      expect({ event: op.event, status: res.statusCode }).toEqual({ event: op.event, status: 201 });
      expectOfficialShape('tmf632', 'EventSubscription', res.json());
    }
    const report = await post(`${USAGE}/listener/usageConsumptionReportRequestStateChangeNotification`, { eventId: 'EV-UCR', event: { usageConsumptionReportRequest: { id: 'UCRR-1', state: 'done' } } });
    expect(report.statusCode).toBe(201);
    expectOfficialShape('tmf677', 'EventSubscription', report.json());

    const again = await post(`${PARTY}/listener/individualCreateEvent`, { eventId: 'EV-individualCreateEvent', event: { individual: { id: 'P-1' } } });
    expect(again.statusCode).toBe(201);
    const rows = await inbox();
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.serviceIdentity === 'partner_acme')).toBe(true);
    expect(rows.find((r) => r.eventId === 'EV-individualCreateEvent')).toMatchObject({ api: 'party', eventType: 'IndividualCreateEvent', payload: { event: { individual: { givenName: 'Ada' } } } });
    expect(again.json().id).toBe(rows.find((r) => r.eventId === 'EV-individualCreateEvent')!.id);
  });

  it('answers a malformed event with 400 in the TMF error shape and stores nothing; no token is 401', async () => {
    const before = (await inbox()).length;
    for (const [body, field] of [
      [[1, 2], 'body'],
      [{ eventId: 42, event: {} }, 'eventId'],
      [{ eventTime: 'yesterday', event: {} }, 'eventTime'],
      [{ eventType: 'IndividualDeleteEvent', event: {} }, 'eventType'],
      [{ eventId: 'EV-no-payload' }, 'event'],
    ] as const) {
      const res = await post(`${PARTY}/listener/individualCreateEvent`, body);
      expect({ field, status: res.statusCode }).toEqual({ field, status: 400 });
      expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', status: '400' });
      expect(res.json().message).toContain(field);
    }
    expect((await post(`${PARTY}/listener/individualCreateEvent`, { event: {} }, 'x'.repeat(48))).statusCode).toBe(401);
    expect((await inbox()).length).toBe(before);
  });
});
