import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * chat.turn.lease_until: a running turn's lease, pushed forward by its process's heartbeat. A turn
 * whose lease ran out belongs to a process that died; the chat's sweeper ends it as interrupted
 * (it never re-runs the model). Turns already running get the old 30-minute turn lifetime.
 */
export class AddChatTurnLease1765300002000 implements MigrationInterface {
  name = 'AddChatTurnLease1765300002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table chat.turn add column lease_until timestamptz`);
    await q.query(`update chat.turn set lease_until = started_at + interval '30 minutes' where status = 'running'`);
    await q.query(`create index turn_running_lease_idx on chat.turn (lease_until) where status = 'running'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index if exists chat.turn_running_lease_idx`);
    await q.query(`alter table chat.turn drop column lease_until`);
  }
}
