import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * portal_auth: passwordless portal identities, hashed login/step-up codes, server-side sessions,
 * the attempt log that rate limits count, stashed step-up actions, pending email changes, the
 * portal's own action audit, and the signup journey (server-side, so back/forward and replicas agree).
 */
export class CreatePortalAuth1764800000000 implements MigrationInterface {
  name = 'CreatePortalAuth1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists portal_auth`);
    await q.query(`
      create table portal_auth.identity (
        id text primary key,
        email text not null,
        customer_id text,
        email_verified_at timestamptz,
        status text not null check (status in ('unverified','verified','registered','deleted')),
        created_at timestamptz not null,
        last_login_at timestamptz,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create unique index identity_email_uq on portal_auth.identity (tenant_id, email) where status <> 'deleted'`);
    await q.query(`create index identity_customer_idx on portal_auth.identity (customer_id)`);
    await q.query(`
      create table portal_auth.login_token (
        id text primary key,
        identity_id text not null references portal_auth.identity(id),
        kind text not null check (kind in ('otp','magic_link','step_up','step_up_grant')),
        code_hash text not null,
        action_label text,
        batch_id text,
        session_id text,
        issued_at timestamptz not null,
        expires_at timestamptz not null,
        consumed_at timestamptz,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index login_token_live_idx on portal_auth.login_token (identity_id, kind, expires_at) where consumed_at is null`);
    await q.query(`create index login_token_hash_idx on portal_auth.login_token (code_hash)`);
    await q.query(`
      create table portal_auth.session (
        id text primary key,
        token_hash text not null unique,
        identity_id text not null references portal_auth.identity(id),
        issued_at timestamptz not null,
        expires_at timestamptz not null,
        last_seen_at timestamptz not null,
        revoked_at timestamptz,
        revoked_reason text,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index session_identity_idx on portal_auth.session (identity_id)`);
    await q.query(`
      create table portal_auth.login_attempt (
        id bigserial primary key,
        email text,
        ip text,
        ts timestamptz not null,
        outcome text not null,
        stage text not null check (stage in ('login_start','login_verify','step_up_start','step_up_verify','email_change_verify')),
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index login_attempt_email_idx on portal_auth.login_attempt (stage, email, ts)`);
    await q.query(`create index login_attempt_ip_idx on portal_auth.login_attempt (stage, ip, ts)`);
    await q.query(`
      create table portal_auth.step_up_pending_action (
        id text primary key,
        session_id text not null references portal_auth.session(id),
        action_label text not null,
        target_url text not null,
        payload_json jsonb not null default '{}'::jsonb,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        consumed_at timestamptz,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create unique index step_up_pending_one_live on portal_auth.step_up_pending_action (session_id, action_label) where consumed_at is null`);
    await q.query(`
      create table portal_auth.email_change_pending (
        id text primary key,
        identity_id text not null references portal_auth.identity(id),
        new_email text not null,
        code_hash text not null,
        issued_at timestamptz not null,
        expires_at timestamptz not null,
        consumed_at timestamptz,
        status text not null check (status in ('pending','consumed','cancelled','expired')),
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index email_change_identity_idx on portal_auth.email_change_pending (identity_id, status)`);
    await q.query(`
      create table portal_auth.portal_action (
        id bigserial primary key,
        ts timestamptz not null,
        customer_id text,
        identity_id text,
        action text not null,
        route text not null,
        method text not null,
        success boolean not null,
        error_rule text,
        step_up_consumed boolean not null default false,
        ip text,
        user_agent text,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index portal_action_customer_idx on portal_auth.portal_action (customer_id, ts desc)`);
    await q.query(`
      create table portal_auth.signup_journey (
        id text primary key,
        identity_id text not null references portal_auth.identity(id),
        offering_id text not null,
        msisdn text,
        given_name text,
        family_name text,
        phone text,
        state text not null check (state in ('collecting','ordered')),
        customer_id text,
        kyc_attested_at timestamptz,
        payment_method_id text,
        order_id text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index signup_journey_identity_idx on portal_auth.signup_journey (identity_id, created_at desc)`);
    await q.query(`create unique index signup_journey_order_uq on portal_auth.signup_journey (order_id) where order_id is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists portal_auth cascade`);
  }
}
