import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * subscription: lines (with their price snapshot, pending change and promo counter), their
 * state history, bundle balances, VAS purchases and rated usage events.
 */
export class CreateSubscription1764700000000 implements MigrationInterface {
  name = 'CreateSubscription1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists subscription`);
    await q.query(`create sequence subscription.subscription_seq start 1`);
    await q.query(`create sequence subscription.usage_event_seq start 1`);
    await q.query(`
      create table subscription.subscription (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        customer_id text not null,
        offering_id text not null,
        msisdn text not null,
        iccid text not null,
        cfs_service_id text,
        commercial_order_id text,
        state text not null check (state in ('pending', 'active', 'blocked', 'terminated')),
        state_reason text,
        activation_payment_attempt_id text,
        activated_at timestamptz,
        current_period_start timestamptz,
        current_period_end timestamptz,
        next_renewal_at timestamptz,
        terminated_at timestamptz,
        price_amount numeric(12,2) not null,
        price_currency text not null,
        price_offering_price_id text not null,
        pending_offering_id text,
        pending_offering_price_id text,
        pending_effective_at timestamptz,
        discount_type text check (discount_type in ('percent', 'absolute')),
        discount_value numeric(12,2),
        discount_periods_remaining int not null default 0,
        promo_code text,
        promo_offer_definition_id text,
        last_renewal_attempted_at timestamptz,
        renewal_decline_count int not null default 0,
        renewal_reminder_sent_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`);
    // A number or profile may be reused once its previous line is terminated (§12.42).
    await q.query(`create unique index subscription_msisdn_live_uq on subscription.subscription (tenant_id, msisdn) where state <> 'terminated'`);
    await q.query(`create unique index subscription_iccid_live_uq on subscription.subscription (tenant_id, iccid) where state <> 'terminated'`);
    await q.query(
      `create unique index subscription_commercial_order_uq on subscription.subscription (tenant_id, commercial_order_id) where commercial_order_id is not null`,
    );
    await q.query(`create index subscription_customer_idx on subscription.subscription (customer_id)`);
    await q.query(`create index subscription_renewal_due_idx on subscription.subscription (next_renewal_at) where state in ('active', 'blocked')`);
    await q.query(`
      create table subscription.subscription_state_history (
        id bigserial primary key,
        tenant_id text not null default 'DEFAULT',
        subscription_id text not null references subscription.subscription (id),
        from_state text,
        to_state text not null,
        trigger text not null,
        reason text,
        actor text not null,
        changed_at timestamptz not null
      )`);
    await q.query(`create index subscription_state_history_sub_idx on subscription.subscription_state_history (subscription_id, id)`);
    await q.query(`
      create table subscription.bundle_balance (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        subscription_id text not null references subscription.subscription (id),
        allowance_type text not null check (allowance_type in ('data', 'voice', 'sms', 'data_roaming')),
        total int not null check (total >= -1),
        consumed int not null default 0 check (consumed >= 0),
        unit text not null check (unit in ('mb', 'minutes', 'count')),
        period_start timestamptz not null,
        period_end timestamptz not null,
        updated_at timestamptz not null,
        unique (subscription_id, allowance_type),
        check (total = -1 or consumed <= total)
      )`);
    await q.query(`
      create table subscription.vas_purchase (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        subscription_id text not null references subscription.subscription (id),
        vas_offering_id text not null,
        payment_attempt_id text not null,
        price_amount numeric(12,2) not null,
        currency text not null,
        allowance_type text not null,
        allowance_added int not null,
        unit text not null,
        applied_at timestamptz not null,
        expires_at timestamptz
      )`);
    await q.query(`create index vas_purchase_sub_idx on subscription.vas_purchase (subscription_id, applied_at desc)`);
    await q.query(`
      create table subscription.usage_event (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        event_id text not null,
        subscription_id text not null references subscription.subscription (id),
        offering_id text not null,
        msisdn text not null,
        event_type text not null check (event_type in ('data', 'voice', 'voice_minutes', 'sms')),
        event_time timestamptz not null,
        quantity int not null check (quantity > 0),
        unit text not null,
        source text not null,
        raw_cdr_ref text,
        roaming_indicator boolean not null default false,
        rated_allowance_type text,
        consumed_quantity int not null default 0,
        charge_amount numeric(12,2) not null default 0,
        processed boolean not null default false,
        received_at timestamptz not null,
        unique (tenant_id, event_id)
      )`);
    await q.query(`create index usage_event_sub_idx on subscription.usage_event (subscription_id, received_at desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists subscription cascade`);
  }
}
