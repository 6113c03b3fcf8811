import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { JOB_SCHEMA } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { createTestApp, type TestApp } from '@bss/testing';
import { TRUSTED_PARTNERS_ENV } from '#tmf/queries/partner-entitlements';
import { TmfModule } from '#tmf/tmf.module';
import { RegisterHubListenerCommand } from './register-hub-listener.command';
import { RelayHubEvents } from './relay-hub-events';

describe('RelayHubEvents', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Read when the module is built: the listener's partner sees every customer, so no partner link is needed.
    process.env[TRUSTED_PARTNERS_ENV] = 'partner_relay';
    app = await createTestApp({ imports: [TmfModule] });
    await app.clock.freeze('2026-03-01T00:00:00Z');
    await runWithAuth({ serviceIdentity: 'partner_relay' }, () =>
      app.get(RegisterHubListenerCommand).execute({ api: 'party', callback: 'http://127.0.0.1:9/events' }),
    );
  });
  afterAll(() => app.close());

  /** A `customer.created` event inserted in the runner's open transaction, as `AuditLog` writes it. */
  async function insertEvent(runner: QueryRunner): Promise<{ eventId: string; seq: number }> {
    const eventId = randomUUID();
    const [{ id }] = await runner.query(
      `insert into audit.domain_event (event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, channel, service_identity, tenant_id, request_id, payload)
       values ($1, 'customer.created', 'customer', $2, '2026-03-01T00:00:01Z', 'test', 'system', 'default', 'DEFAULT', $3, '{}') returning id`,
      [eventId, `CUST-${eventId.slice(0, 8)}`, randomUUID()],
    );
    return { eventId, seq: Number(id) };
  }

  async function deliveredEventIds(): Promise<string[]> {
    const rows: { eventId: string }[] = await app.db.query(`select data->'envelope'->>'eventId' as "eventId" from ${JOB_SCHEMA}.job where name = 'tmf.hub.deliver'`);
    return rows.map((r) => r.eventId);
  }

  it('delivers an event whose transaction commits after a later event was already relayed', async () => {
    const early = app.db.dataSource.createQueryRunner();
    const late = app.db.dataSource.createQueryRunner();
    try {
      await early.startTransaction();
      await late.startTransaction();
      const first = await insertEvent(early);
      const second = await insertEvent(late);
      expect(second.seq).toBeGreaterThan(first.seq);
      await late.commitTransaction();

      const relay = app.get(RelayHubEvents);
      await runWithAuth({ actor: 'system:test' }, () => relay.run());
      await early.commitTransaction();
      await runWithAuth({ actor: 'system:test' }, () => relay.run());

      expect((await deliveredEventIds()).sort()).toEqual([first.eventId, second.eventId].sort());
      // Nothing is handed over twice.
      expect(await runWithAuth({ actor: 'system:test' }, () => relay.run())).toBe(0);
    } finally {
      await early.release();
      await late.release();
    }
  });
});
