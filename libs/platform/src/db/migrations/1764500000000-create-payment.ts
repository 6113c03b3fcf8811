import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * payment.*: cards on file (tokens only — a PAN never reaches a table), payment attempts keyed by
 * their idempotency key, and the mock gateway's own ledger. The ledger stands in for the
 * provider's side of the wire, so the mock is idempotent the way a real gateway is.
 */
export class CreatePayment1764500000000 implements MigrationInterface {
  name = 'CreatePayment1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists payment`);
    await q.query(`create sequence payment.payment_method_seq`);
    await q.query(`create sequence payment.payment_attempt_seq`);
    await q.query(`
      create table payment.payment_method (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        customer_id text not null,
        type text not null default 'card' check (type = 'card'),
        token text not null unique,
        token_provider text not null check (token_provider in ('mock', 'stripe')),
        brand text not null,
        last4 text not null check (length(last4) = 4),
        exp_month int not null check (exp_month between 1 and 12),
        exp_year int not null check (exp_year >= 2000),
        is_default boolean not null default false,
        status text not null default 'active' check (status in ('active', 'removed', 'expired')),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        removed_at timestamptz,
        check (not is_default or status = 'active')
      )`);
    await q.query(`create index payment_method_customer_idx on payment.payment_method (customer_id, created_at desc)`);
    // Exactly one default per customer, enforced by the database as well as by the commands.
    await q.query(`create unique index payment_method_one_default_idx on payment.payment_method (customer_id) where is_default`);
    await q.query(`
      create table payment.payment_attempt (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        customer_id text not null,
        payment_method_id text not null references payment.payment_method (id),
        amount numeric(12,2) not null check (amount > 0),
        currency text not null,
        purpose text not null check (purpose in ('activation', 'renewal', 'vas')),
        status text not null default 'pending' check (status in ('pending', 'approved', 'declined', 'errored')),
        decline_reason text,
        decline_code text,
        gateway_ref text,
        idempotency_key text not null unique,
        created_at timestamptz not null,
        completed_at timestamptz
      )`);
    await q.query(`create index payment_attempt_customer_idx on payment.payment_attempt (customer_id, created_at desc)`);
    await q.query(`create index payment_attempt_pending_idx on payment.payment_attempt (created_at) where status = 'pending'`);
    await q.query(`
      create table payment.mock_gateway_charge (
        idempotency_key text primary key,
        token text not null,
        amount numeric(12,2) not null,
        currency text not null,
        outcome text not null check (outcome in ('approved', 'declined', 'errored')),
        decline_reason text,
        decline_code text,
        gateway_ref text not null unique,
        created_at timestamptz not null
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists payment cascade`);
  }
}
