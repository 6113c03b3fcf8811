import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Didit eKYC handoff: a signup journey remembers the Didit session it handed off to, and the
 * latest signed decision Didit sent per session is kept (document only as last4 + hash) so the
 * CRM can corroborate a didit attestation against it.
 */
export class AddDiditKycHandoff1764800001000 implements MigrationInterface {
  name = 'AddDiditKycHandoff1764800001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table portal_auth.signup_journey add column kyc_session_id text`);
    await q.query(`create unique index signup_journey_kyc_session_uq on portal_auth.signup_journey (kyc_session_id) where kyc_session_id is not null`);
    await q.query(`
      create table portal_auth.kyc_webhook_decision (
        session_id text primary key,
        provider text not null check (provider in ('didit')),
        event_id text not null unique,
        status text not null,
        vendor_data text,
        document_type text,
        document_last4 text,
        document_hash text,
        document_country text,
        date_of_birth text,
        decided_at timestamptz not null,
        received_at timestamptz not null,
        tenant_id text not null default 'DEFAULT'
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists portal_auth.kyc_webhook_decision`);
    await q.query(`drop index if exists portal_auth.signup_journey_kyc_session_uq`);
    await q.query(`alter table portal_auth.signup_journey drop column if exists kyc_session_id`);
  }
}
