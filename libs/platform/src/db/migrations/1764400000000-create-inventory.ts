import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * inventory.*: the MSISDN and eSIM pools. Numbers and ICCIDs are globally unique in the real
 * world, so they are the keys; `tenant_id` scopes selection. A profile keeps only a reference to
 * its Ki in the HSM (`hsm://ref/<uuid>`), never the Ki itself.
 */
export class CreateInventory1764400000000 implements MigrationInterface {
  name = 'CreateInventory1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists inventory`);
    await q.query(`
      create table inventory.msisdn (
        msisdn text primary key check (msisdn ~ '^[0-9]{8,15}$'),
        tenant_id text not null default 'DEFAULT',
        status text not null default 'available'
          check (status in ('available', 'reserved', 'assigned', 'quarantine', 'ported_out')),
        reserved_at timestamptz,
        assigned_to_subscription_id text,
        quarantine_until timestamptz,
        check (status <> 'quarantine' or quarantine_until is not null)
      )`);
    // Reservation scans free numbers lowest first; quarantined ones become free when their time is up.
    await q.query(`
      create index msisdn_free_idx on inventory.msisdn (tenant_id, msisdn)
        where status in ('available', 'quarantine')`);
    await q.query(`create index msisdn_subscription_idx on inventory.msisdn (assigned_to_subscription_id)`);
    await q.query(`
      create table inventory.esim_profile (
        iccid text primary key check (iccid ~ '^[0-9]{19,20}$'),
        tenant_id text not null default 'DEFAULT',
        imsi text not null unique check (imsi ~ '^[0-9]{15}$'),
        ki_ref text not null check (ki_ref ~ '^hsm://ref/[0-9a-f-]{36}$'),
        profile_state text not null default 'available'
          check (profile_state in ('available', 'reserved', 'downloaded', 'activated', 'suspended', 'recycled')),
        smdp_server text not null,
        matching_id text not null unique,
        activation_code text not null,
        assigned_msisdn text,
        assigned_to_subscription_id text,
        reserved_at timestamptz,
        issued_at timestamptz,
        downloaded_at timestamptz,
        activated_at timestamptz,
        recycled_at timestamptz
      )`);
    await q.query(`create index esim_free_idx on inventory.esim_profile (tenant_id, iccid) where profile_state = 'available'`);
    await q.query(`create index esim_msisdn_idx on inventory.esim_profile (assigned_msisdn)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists inventory cascade`);
  }
}
