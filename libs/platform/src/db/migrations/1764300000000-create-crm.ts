import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema `crm`: parties and customers (+ KYC identities), interactions, agents, SLA policies,
 * cases (+ notes), tickets (+ history) and number-port requests.
 */
export class CreateCrm1764300000000 implements MigrationInterface {
  name = 'CreateCrm1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create schema if not exists crm`);

    await q.query(`
      create table crm.party (
        id text primary key check (id ~ '^PTY-[0-9a-f]{8}$'),
        party_type text not null default 'individual' check (party_type in ('individual')),
        created_at timestamptz not null,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`
      create table crm.individual (
        party_id text primary key references crm.party (id) on delete cascade,
        given_name text not null,
        family_name text not null,
        date_of_birth date,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`
      create table crm.contact_medium (
        id text primary key check (id ~ '^CM-[0-9a-f]{8}$'),
        party_id text not null references crm.party (id) on delete cascade,
        medium_type text not null check (medium_type in ('email', 'phone', 'postal')),
        value text not null,
        is_primary boolean not null default false,
        valid_from timestamptz not null,
        valid_to timestamptz,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index contact_medium_party_idx on crm.contact_medium (party_id)`);
    // An email may be live on one customer only; matching is case-insensitive (reference defect 14).
    await q.query(`
      create unique index contact_medium_live_email_uq on crm.contact_medium (tenant_id, lower(value))
       where medium_type = 'email' and valid_to is null`);

    await q.query(`
      create table crm.customer (
        id text primary key check (id ~ '^CUST-[0-9a-f]{8}$'),
        party_id text not null unique references crm.party (id),
        status text not null check (status in ('pending', 'active', 'suspended', 'closed')),
        status_reason text,
        customer_since timestamptz not null,
        kyc_status text not null default 'not_verified' check (kyc_status in ('not_verified', 'pending', 'verified', 'rejected', 'expired')),
        kyc_verified_at timestamptz,
        kyc_verification_method text,
        kyc_reference text,
        kyc_expires_at timestamptz,
        updated_at timestamptz not null,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index customer_status_idx on crm.customer (tenant_id, status)`);

    // Only last4 + a salted-by-context hash of the document number: the raw number is never stored.
    await q.query(`
      create table crm.customer_identity (
        id bigserial primary key,
        customer_id text not null references crm.customer (id) on delete cascade,
        document_type text not null check (document_type in ('nric', 'passport', 'fin', 'driving_license')),
        document_hash text not null check (document_hash ~ '^[0-9a-f]{64}$'),
        document_last4 text not null check (char_length(document_last4) between 1 and 4),
        document_country text not null check (document_country ~ '^[A-Z]{2}$'),
        date_of_birth date,
        nationality text,
        verified_by text not null,
        provider_reference text not null,
        attestation_payload jsonb not null,
        verified_at timestamptz not null,
        corroboration_id text,
        created_at timestamptz not null,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create unique index customer_identity_document_uq on crm.customer_identity (tenant_id, document_type, document_hash)`);
    await q.query(`create index customer_identity_customer_idx on crm.customer_identity (customer_id)`);

    await q.query(`
      create table crm.agent (
        id text primary key,
        name text not null,
        email text not null,
        role text not null check (role in ('csr', 'supervisor', 'engineer', 'system')),
        status text not null default 'active' check (status in ('active', 'terminated')),
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create unique index agent_email_uq on crm.agent (tenant_id, lower(email))`);

    await q.query(`
      create table crm.sla_policy (
        id text primary key,
        ticket_type text not null,
        priority text not null,
        target_minutes int not null check (target_minutes > 0),
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create unique index sla_policy_type_priority_uq on crm.sla_policy (tenant_id, ticket_type, priority)`);

    await q.query(`
      create table crm.interaction (
        id text primary key check (id ~ '^INT-[0-9a-f]{8}$'),
        customer_id text not null references crm.customer (id) on delete cascade,
        channel text not null,
        direction text not null check (direction in ('inbound', 'outbound')),
        summary text not null,
        body text,
        agent_id text references crm.agent (id),
        related_case_id text,
        related_ticket_id text,
        actor text not null,
        occurred_at timestamptz not null,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index interaction_customer_idx on crm.interaction (customer_id, occurred_at desc)`);

    await q.query(`
      create table crm."case" (
        id text primary key check (id ~ '^CASE-[0-9a-f]{8}$'),
        customer_id text not null references crm.customer (id),
        subject text not null,
        description text,
        state text not null check (state in ('open', 'in_progress', 'pending_customer', 'resolved', 'closed')),
        priority text not null default 'normal' check (priority in ('low', 'normal', 'medium', 'high', 'urgent', 'critical')),
        category text not null default 'general',
        resolution_code text,
        opened_by_agent_id text references crm.agent (id),
        opened_at timestamptz not null,
        resolved_at timestamptz,
        closed_at timestamptz,
        chat_transcript_hash text,
        updated_at timestamptz not null,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index case_customer_idx on crm."case" (customer_id, opened_at desc)`);
    await q.query(`
      create table crm.case_note (
        id text primary key check (id ~ '^NOTE-[0-9a-f]{8}$'),
        case_id text not null references crm."case" (id) on delete cascade,
        author_agent_id text references crm.agent (id),
        body text not null,
        actor text not null,
        created_at timestamptz not null,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index case_note_case_idx on crm.case_note (case_id, created_at)`);

    await q.query(`
      create table crm.ticket (
        id text primary key check (id ~ '^TKT-[0-9a-f]{8}$'),
        case_id text references crm."case" (id),
        customer_id text not null references crm.customer (id),
        ticket_type text not null check (ticket_type in ('service_outage', 'billing_dispute', 'configuration', 'information_request', 'provisioning_exception')),
        subject text not null,
        description text,
        state text not null check (state in ('open', 'acknowledged', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled')),
        priority text not null default 'normal' check (priority in ('low', 'normal', 'medium', 'high', 'urgent', 'critical')),
        assigned_to_agent_id text references crm.agent (id),
        related_order_id text,
        related_subscription_id text,
        related_service_id text,
        sla_due_at timestamptz,
        resolution_notes text,
        opened_at timestamptz not null,
        resolved_at timestamptz,
        closed_at timestamptz,
        updated_at timestamptz not null,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index ticket_case_idx on crm.ticket (case_id)`);
    await q.query(`create index ticket_customer_idx on crm.ticket (customer_id, opened_at desc)`);
    await q.query(`create index ticket_agent_idx on crm.ticket (assigned_to_agent_id, state)`);
    await q.query(`
      create table crm.ticket_history (
        id bigserial primary key,
        ticket_id text not null references crm.ticket (id) on delete cascade,
        from_state text,
        to_state text not null,
        trigger text,
        changed_by_agent_id text references crm.agent (id),
        actor text not null,
        reason text,
        event_time timestamptz not null,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`create index ticket_history_ticket_idx on crm.ticket_history (ticket_id, id)`);

    await q.query(`
      create table crm.port_request (
        id text primary key check (id ~ '^PORT-[0-9A-F]{8}$'),
        direction text not null check (direction in ('port_in', 'port_out')),
        donor_carrier text not null,
        donor_msisdn text not null,
        target_subscription_id text,
        requested_port_date date,
        state text not null check (state in ('requested', 'validated', 'completed', 'rejected')),
        rejection_reason text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        completed_at timestamptz,
        tenant_id text not null default 'DEFAULT'
      )`);
    // At most one live (requested|validated) request per donor number and tenant.
    await q.query(`
      create unique index port_request_live_donor_uq on crm.port_request (tenant_id, donor_msisdn)
       where state in ('requested', 'validated')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema if exists crm cascade`);
  }
}
