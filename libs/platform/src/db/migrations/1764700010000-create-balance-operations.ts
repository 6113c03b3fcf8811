import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * subscription: the balance operations partners ask for over TMF654 besides a top-up — an
 * adjustment (credit or debit of one bucket, with a reason) and a transfer (allowance moved
 * between two lines of one customer). Each row is the record a partner lists and reads back;
 * who asked (actor, channel, service identity) is on the row and on its audit event.
 */
export class CreateBalanceOperations1764700010000 implements MigrationInterface {
  name = 'CreateBalanceOperations1764700010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table subscription.balance_adjustment (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        subscription_id text not null references subscription.subscription(id),
        allowance_type text not null,
        quantity int not null check (quantity <> 0),
        unit text not null,
        reason text not null,
        actor text not null,
        channel text not null,
        service_identity text not null,
        created_at timestamptz not null
      )`);
    await q.query(`create index balance_adjustment_line_idx on subscription.balance_adjustment (subscription_id, created_at)`);
    await q.query(`
      create table subscription.balance_transfer (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        from_subscription_id text not null references subscription.subscription(id),
        to_subscription_id text not null references subscription.subscription(id),
        allowance_type text not null,
        quantity int not null check (quantity > 0),
        unit text not null,
        reason text not null,
        actor text not null,
        channel text not null,
        service_identity text not null,
        created_at timestamptz not null
      )`);
    await q.query(`create index balance_transfer_from_idx on subscription.balance_transfer (from_subscription_id, created_at)`);
    await q.query(`create index balance_transfer_to_idx on subscription.balance_transfer (to_subscription_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists subscription.balance_transfer`);
    await q.query(`drop table if exists subscription.balance_adjustment`);
  }
}
