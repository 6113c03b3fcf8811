import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * tmf.partner_customer: which partner (service identity) brought which customer through TMF632.
 * Written in the transaction that creates the customer; a partner reads and hears about those only.
 */
export class CreateTmfPartnerCustomer1765000001000 implements MigrationInterface {
  name = 'CreateTmfPartnerCustomer1765000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table tmf.partner_customer (
        tenant_id text not null default 'DEFAULT',
        service_identity text not null,
        customer_id text not null,
        created_at timestamptz not null,
        primary key (tenant_id, service_identity, customer_id)
      )`);
    await q.query(`create index partner_customer_customer_idx on tmf.partner_customer (tenant_id, customer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists tmf.partner_customer`);
  }
}
