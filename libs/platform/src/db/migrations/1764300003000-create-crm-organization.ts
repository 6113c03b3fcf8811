import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Business customers (TMF632 Organization): a party of type `organization` with its own attributes,
 * and the individuals (customers) related to it with their role, e.g. an employee on a company plan.
 */
export class CreateCrmOrganization1764300003000 implements MigrationInterface {
  name = 'CreateCrmOrganization1764300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table crm.party drop constraint if exists party_party_type_check`);
    await q.query(`alter table crm.party add constraint party_party_type_check check (party_type in ('individual', 'organization'))`);
    await q.query(`
      create table crm.organization (
        party_id text primary key references crm.party (id) on delete cascade,
        trading_name text not null,
        legal_name text,
        organization_type text,
        registration_id text,
        status text not null default 'initialized' check (status in ('initialized', 'validated', 'closed')),
        updated_at timestamptz not null,
        tenant_id text not null default 'DEFAULT'
      )`);
    await q.query(`
      create table crm.organization_member (
        organization_id text not null references crm.organization (party_id) on delete cascade,
        customer_id text not null references crm.customer (id),
        role text not null default 'member',
        tenant_id text not null default 'DEFAULT',
        primary key (organization_id, customer_id)
      )`);
    await q.query(`create index organization_member_customer_idx on crm.organization_member (customer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists crm.organization_member`);
    await q.query(`drop table if exists crm.organization`);
    await q.query(`delete from crm.party where party_type = 'organization'`);
    await q.query(`alter table crm.party drop constraint if exists party_party_type_check`);
    await q.query(`alter table crm.party add constraint party_party_type_check check (party_type in ('individual'))`);
  }
}
