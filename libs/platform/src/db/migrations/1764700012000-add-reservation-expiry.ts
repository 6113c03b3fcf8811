import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * subscription.balance_reservation gets a lifetime: `expires_at` (creation + validity, default
 * 15 minutes; Diameter Gy's Validity-Time, TMF654's `validFor`) and the state `expired`. A hold the
 * charging system never closes (crash, lost message) is returned to its bucket by
 * `subscription.expire_reservations` instead of shrinking the allowance for good. Holds made before
 * this migration get the default lifetime from their creation, so the first sweep returns the
 * stale ones. The partial index serves the sweep's "held and due" scan.
 */
export class AddReservationExpiry1764700012000 implements MigrationInterface {
  name = 'AddReservationExpiry1764700012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table subscription.balance_reservation add column expires_at timestamptz`);
    await q.query(`update subscription.balance_reservation set expires_at = created_at + interval '15 minutes'`);
    await q.query(`alter table subscription.balance_reservation alter column expires_at set not null`);
    await q.query(`alter table subscription.balance_reservation drop constraint balance_reservation_state_check`);
    await q.query(`alter table subscription.balance_reservation add constraint balance_reservation_state_check check (state in ('held', 'released', 'deducted', 'expired'))`);
    await q.query(`create index balance_reservation_due_idx on subscription.balance_reservation (expires_at) where state = 'held'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index if exists subscription.balance_reservation_due_idx`);
    await q.query(`update subscription.balance_reservation set state = 'released' where state = 'expired'`);
    await q.query(`alter table subscription.balance_reservation drop constraint balance_reservation_state_check`);
    await q.query(`alter table subscription.balance_reservation add constraint balance_reservation_state_check check (state in ('held', 'released', 'deducted'))`);
    await q.query(`alter table subscription.balance_reservation drop column if exists expires_at`);
  }
}
