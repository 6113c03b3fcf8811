import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * promos: the money terms BSS owns (promotion + eligibility of targeted ones), and the tables of
 * the embedded loyalty engine (`BSS_LOYALTY_MODE=embedded`): offer definitions, promo codes,
 * offers with their FSM, and the idempotency-key ledger. In `remote` mode the loyalty tables
 * stay empty: an external engine holds that state.
 */
export class CreatePromos1764900000000 implements MigrationInterface {
  name = 'CreatePromos1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists promos`);
    await q.query(`
      create table promos.promotion (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        name text,
        discount_type text not null check (discount_type in ('percent', 'absolute')),
        discount_value numeric(12,2) not null check (discount_value > 0),
        currency text not null default 'SGD',
        duration_kind text not null check (duration_kind in ('single', 'multi', 'perpetual')),
        periods_total int,
        audience text not null check (audience in ('public', 'targeted')),
        code text,
        code_kind text not null check (code_kind in ('single_use_shared', 'single_use_unique_per_customer', 'multi_use')),
        applicable_offering_ids text[],
        valid_from timestamptz,
        valid_to timestamptz,
        state text not null check (state in ('pending_link', 'active', 'exhausted', 'retired')),
        offer_definition_id text,
        created_by text not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        -- 100 % would make a zero charge, which payment cannot take (domain spec §11.16).
        constraint promotion_percent_below_100 check (discount_type <> 'percent' or discount_value < 100),
        constraint promotion_periods_only_multi check (
          (duration_kind = 'multi' and periods_total >= 2) or (duration_kind <> 'multi' and periods_total is null)),
        constraint promotion_window_ordered check (valid_from is null or valid_to is null or valid_from < valid_to),
        constraint promotion_active_is_linked check (state = 'pending_link' or offer_definition_id is not null)
      )`);
    await q.query(`create unique index promotion_code_uq on promos.promotion (tenant_id, code) where code is not null`);
    await q.query(`create index promotion_state_idx on promos.promotion (tenant_id, state, id)`);
    await q.query(`
      create table promos.promotion_eligibility (
        promotion_id text not null references promos.promotion (id),
        customer_id text not null,
        loyalty_offer_id text,
        created_by text not null,
        created_at timestamptz not null,
        tenant_id text not null default 'DEFAULT',
        primary key (promotion_id, customer_id)
      )`);
    await q.query(`create index promotion_eligibility_customer_idx on promos.promotion_eligibility (customer_id)`);

    // ── the embedded loyalty engine ──────────────────────────────────────────────────────────
    await q.query(`
      create table promos.offer_definition (
        id text primary key,
        display_name text not null,
        kind text not null check (kind in ('regular')),
        created_by text not null,
        created_at timestamptz not null,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`
      create table promos.promo_code (
        tenant_id text not null default 'DEFAULT',
        code text not null,
        offer_definition_id text not null references promos.offer_definition (id),
        kind text not null check (kind in ('single_use_shared', 'single_use_unique_per_customer', 'multi_use')),
        created_by text not null,
        created_at timestamptz not null,
        primary key (tenant_id, code)
      )`);
    await q.query(`
      create table promos.loyalty_offer (
        id text primary key,
        tenant_id text not null default 'DEFAULT',
        offer_definition_id text not null references promos.offer_definition (id),
        customer_id text not null,
        state text not null check (state in ('issued', 'claimed', 'redeemed', 'expired', 'revoked')),
        source_type text not null check (source_type in ('promo_code', 'campaign')),
        source_code text,
        campaign_id text,
        code_kind text check (code_kind in ('single_use_shared', 'single_use_unique_per_customer', 'multi_use')),
        -- true while the offer uses up its code's inventory (claimed, redeemed, revoked without restore)
        holds_inventory boolean not null default false,
        order_ref text,
        revoke_reason text check (revoke_reason in ('order_cancelled', 'operator_action', 'customer_changed_mind')),
        issued_at timestamptz not null,
        claimed_at timestamptz,
        redeemed_at timestamptz,
        expired_at timestamptz,
        revoked_at timestamptz,
        updated_at timestamptz not null
      )`);
    await q.query(`create index loyalty_offer_customer_idx on promos.loyalty_offer (tenant_id, customer_id, state)`);
    // Backstops of the claim limits (the claim itself serialises on the promo_code row).
    await q.query(`
      create unique index loyalty_offer_single_use_shared_uq on promos.loyalty_offer (tenant_id, source_code)
       where holds_inventory and code_kind = 'single_use_shared'`);
    await q.query(`
      create unique index loyalty_offer_unique_per_customer_uq on promos.loyalty_offer (tenant_id, source_code, customer_id)
       where holds_inventory and code_kind = 'single_use_unique_per_customer'`);
    await q.query(`
      create table promos.loyalty_ledger (
        tenant_id text not null default 'DEFAULT',
        actor text not null,
        idempotency_key text not null,
        tool text not null,
        response jsonb not null,
        created_at timestamptz not null,
        primary key (tenant_id, actor, idempotency_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists promos cascade`);
  }
}
