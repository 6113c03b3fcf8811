import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * tmf.listener_inbox: events partners post to our client-side listener endpoints (TMF654
 * `POST /client/listener`, …), kept as received so an operator can read them (`bss audit list
 * --type partner_event.received`) and a redelivery with the same event id is stored once.
 */
export class CreateTmfListenerInbox1765000004000 implements MigrationInterface {
  name = 'CreateTmfListenerInbox1765000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table tmf.listener_inbox (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        api text not null,
        service_identity text not null,
        event_id text not null,
        event_type text not null,
        event jsonb not null,
        received_at timestamptz not null,
        unique (tenant_id, service_identity, api, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists tmf.listener_inbox`);
  }
}
