import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * orders.*: COM (product order + its one item + state history), SOM (service order, CFS/RFS
 * services) and the provisioning simulator (tasks, fault-injection rules). Tasks carry their
 * service order and commercial order ids so an operator re-run of the same row still knows
 * which order it serves.
 */
export class CreateOrders1764600000000 implements MigrationInterface {
  name = 'CreateOrders1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists orders`);
    for (const seq of ['product_order_seq', 'order_item_seq', 'service_order_seq', 'service_order_item_seq', 'service_seq', 'provisioning_task_seq']) {
      await q.query(`create sequence orders.${seq}`);
    }
    await q.query(`
      create table orders.product_order (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        customer_id text not null,
        state text not null check (state in ('acknowledged', 'in_progress', 'completed', 'failed', 'cancelled')),
        order_date timestamptz not null,
        requested_completion_date timestamptz,
        submitted_at timestamptz,
        completed_date timestamptz,
        msisdn_preference text,
        notes text,
        payment_method_id text,
        failure_reason text,
        stuck_flagged_at timestamptz,
        trace_id text not null,
        updated_at timestamptz not null
      )`);
    await q.query(`create index product_order_customer_idx on orders.product_order (customer_id, order_date desc)`);
    // The stuck sweeper scans only unflagged in-progress orders.
    await q.query(`create index product_order_stuck_idx on orders.product_order (submitted_at) where state = 'in_progress' and stuck_flagged_at is null`);
    await q.query(`
      create table orders.order_item (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        order_id text not null unique references orders.product_order (id),
        action text not null default 'add' check (action = 'add'),
        offering_id text not null,
        state text not null check (state in ('acknowledged', 'in_progress', 'completed', 'failed', 'cancelled')),
        target_subscription_id text,
        price_amount numeric(12,2) not null,
        price_currency text not null,
        price_offering_price_id text not null,
        discount_code text,
        promo_offer_definition_id text,
        discount_type text check (discount_type in ('percent', 'absolute')),
        discount_value numeric(12,2),
        discount_periods_total int,
        promo_offer_id text
      )`);
    await q.query(`
      create table orders.order_state_history (
        id bigserial primary key,
        tenant_id text not null default 'DEFAULT',
        order_id text not null references orders.product_order (id),
        from_state text,
        to_state text not null,
        trigger text not null,
        reason text,
        actor text not null,
        changed_at timestamptz not null
      )`);
    await q.query(`create index order_state_history_order_idx on orders.order_state_history (order_id, id)`);
    await q.query(`
      create table orders.service_order (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        commercial_order_id text not null unique references orders.product_order (id),
        state text not null check (state in ('acknowledged', 'in_progress', 'completed', 'failed')),
        failure_reason text,
        created_at timestamptz not null,
        completed_at timestamptz,
        updated_at timestamptz not null
      )`);
    await q.query(`
      create table orders.service (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        service_order_id text not null references orders.service_order (id),
        parent_service_id text references orders.service (id),
        service_type text not null check (service_type in ('CFS', 'RFS')),
        spec_id text not null,
        name text not null,
        state text not null check (state in ('feasibility_checked', 'designed', 'reserved', 'activated', 'failed', 'terminated')),
        characteristics jsonb not null default '{}'::jsonb,
        subscription_id text,
        created_at timestamptz not null,
        activated_at timestamptz,
        updated_at timestamptz not null
      )`);
    await q.query(`create index service_service_order_idx on orders.service (service_order_id)`);
    await q.query(`create index service_subscription_idx on orders.service (subscription_id) where subscription_id is not null`);
    await q.query(`
      create table orders.service_order_item (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        service_order_id text not null references orders.service_order (id),
        action text not null default 'add' check (action = 'add'),
        service_id text not null references orders.service (id)
      )`);
    await q.query(`
      create table orders.provisioning_task (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        service_id text not null references orders.service (id),
        service_order_id text not null references orders.service_order (id),
        commercial_order_id text not null references orders.product_order (id),
        task_type text not null,
        state text not null check (state in ('pending', 'running', 'completed', 'failed', 'stuck')),
        attempts int not null default 0,
        max_attempts int not null default 3,
        run int not null default 1,
        payload jsonb not null default '{}'::jsonb,
        last_error text,
        created_at timestamptz not null,
        started_at timestamptz,
        completed_at timestamptz,
        updated_at timestamptz not null,
        unique (service_order_id, task_type)
      )`);
    await q.query(`create index provisioning_task_state_idx on orders.provisioning_task (state, created_at)`);
    await q.query(`create index provisioning_task_service_idx on orders.provisioning_task (service_id)`);
    await q.query(`
      create table orders.fault_injection (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        task_type text not null,
        fault_type text not null check (fault_type in ('fail_first_attempt', 'fail_always', 'stuck', 'slow')),
        probability numeric(4,3) not null check (probability >= 0 and probability <= 1),
        enabled boolean not null default false,
        updated_at timestamptz,
        unique (tenant_id, task_type, fault_type)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists orders cascade`);
  }
}
