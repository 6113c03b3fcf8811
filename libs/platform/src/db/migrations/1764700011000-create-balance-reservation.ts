import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * subscription.balance_reservation: an online-charging hold on one bucket (TMF654 balanceReserve).
 * While `held`, the quantity is out of its bucket so usage cannot consume it; a release puts it
 * back, a deduction puts it back and rates the deducted part as usage through the one rating path.
 */
export class CreateBalanceReservation1764700011000 implements MigrationInterface {
  name = 'CreateBalanceReservation1764700011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table subscription.balance_reservation (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        subscription_id text not null references subscription.subscription(id),
        allowance_type text not null,
        quantity int not null check (quantity > 0),
        unit text not null,
        state text not null check (state in ('held', 'released', 'deducted')),
        request_ref text,
        deducted_quantity int,
        usage_event_id text,
        actor text not null,
        channel text not null,
        service_identity text not null,
        created_at timestamptz not null,
        closed_at timestamptz
      )`);
    await q.query(`create index balance_reservation_line_idx on subscription.balance_reservation (subscription_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists subscription.balance_reservation`);
  }
}
