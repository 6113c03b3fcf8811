import { PolicyViolation } from '@bss/platform';
import { authFromHeaders, runWithAuth } from '@bss/policies';
import { createTestApp, type TestApp } from '@bss/testing';
import { AuditQueries } from '#audit/queries/audit.queries';
import { UnitOfWork } from './unit-of-work';

describe('UnitOfWork: one transaction per write, audit row included', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [] });
    await app.clock.freeze('2026-04-01T12:00:00Z');
  });
  afterAll(() => app.close());

  it('stamps actor, channel, service identity, tenant, request id and the clock time', async () => {
    await runWithAuth({ actor: 'ada@example.com', channel: 'portal-self-serve', serviceIdentity: 'portal_self_serve', requestId: 'req-42' }, () =>
      app.get(UnitOfWork).run((w) => w.emit({ eventType: 'thing.done', aggregateType: 'thing', aggregateId: 'THING-1', payload: { n: 1 } })),
    );
    const [event] = await app.get(AuditQueries).list({ aggregateId: 'THING-1' });
    expect(event).toMatchObject({
      eventType: 'thing.done',
      aggregateType: 'thing',
      actor: 'ada@example.com',
      channel: 'portal-self-serve',
      serviceIdentity: 'portal_self_serve',
      tenant: 'DEFAULT',
      requestId: 'req-42',
      occurredAt: '2026-04-01T12:00:00.000Z',
      payload: { n: 1 },
    });
    expect(event.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("stores a caller's X-Request-Id as the correlation id beside the server's request id, and finds rows by it", async () => {
    const emit = (aggregateId: string) => () => app.get(UnitOfWork).run((w) => w.emit({ eventType: 'thing.done', aggregateType: 'thing', aggregateId }));
    // Two requests quoting one id, the second also trying to pass as the first's server id.
    const first = authFromHeaders({ headers: { 'x-request-id': 'client-7' } }, 'cli');
    const second = authFromHeaders({ headers: { 'x-request-id': 'client-7' } }, 'cli');
    await runWithAuth(first, emit('THING-C1'));
    await runWithAuth(second, emit('THING-C2'));
    await runWithAuth(authFromHeaders({ headers: { 'x-request-id': first.requestId! } }, 'cli'), emit('THING-C3'));
    await runWithAuth(authFromHeaders({ headers: { 'x-request-id': `x\r\n${'a'.repeat(10_240)}` } }, 'cli'), emit('THING-C4'));

    const byCorrelation = await app.get(AuditQueries).list({ correlationId: 'client-7' });
    expect(byCorrelation.map((e) => e.aggregateId).sort()).toEqual(['THING-C1', 'THING-C2']);
    expect(new Set(byCorrelation.map((e) => e.requestId)).size).toBe(2);
    // The first request's trace holds its own event only: quoting its id joined nothing.
    expect((await app.get(AuditQueries).list({ requestId: first.requestId })).map((e) => e.aggregateId)).toEqual(['THING-C1']);
    const [malicious] = await app.get(AuditQueries).list({ aggregateId: 'THING-C4' });
    expect(malicious.correlationId).toBeNull();
    expect(malicious.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a policy violation rolls back the write and its audit row', async () => {
    await expect(
      app.get(UnitOfWork).run(async (w) => {
        await w.emit({ eventType: 'thing.half_done', aggregateType: 'thing', aggregateId: 'THING-2' });
        throw new PolicyViolation('thing.do.not_allowed', 'no');
      }),
    ).rejects.toBeInstanceOf(PolicyViolation);
    expect(await app.get(AuditQueries).list({ aggregateId: 'THING-2' })).toEqual([]);
  });

  it('filters by event type prefix and limits, newest first', async () => {
    const uow = app.get(UnitOfWork);
    for (const n of [1, 2, 3]) await uow.run((w) => w.emit({ eventType: `widget.step${n}`, aggregateType: 'widget', aggregateId: 'W-1' }));
    const events = await app.get(AuditQueries).list({ eventType: 'widget.', limit: 2 });
    expect(events.map((e) => e.eventType)).toEqual(['widget.step3', 'widget.step2']);
  });
});
