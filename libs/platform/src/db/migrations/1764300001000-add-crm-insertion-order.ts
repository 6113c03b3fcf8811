import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `seq` on the CRM tables that are listed in order: rows written at one simulated instant (a
 * frozen clock, or several rows of one write, e.g. a case's resolve + close) tie on their
 * timestamps, and random ids would shuffle them between reads.
 */
export class AddCrmInsertionOrder1764300001000 implements MigrationInterface {
  name = 'AddCrmInsertionOrder1764300001000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['contact_medium', 'customer', 'interaction', '"case"', 'case_note', 'ticket', 'port_request']) {
      await q.query(`alter table crm.${table} add column seq bigint generated always as identity`);
    }
    await q.query(`create index customer_since_idx on crm.customer (tenant_id, customer_since desc, seq desc)`);
    await q.query(`drop index crm.interaction_customer_idx`);
    await q.query(`create index interaction_customer_idx on crm.interaction (customer_id, occurred_at desc, seq desc)`);
    await q.query(`drop index crm.case_customer_idx`);
    await q.query(`create index case_customer_idx on crm."case" (customer_id, opened_at desc, seq desc)`);
    await q.query(`drop index crm.case_note_case_idx`);
    await q.query(`create index case_note_case_idx on crm.case_note (case_id, seq)`);
    await q.query(`drop index crm.ticket_case_idx`);
    await q.query(`create index ticket_case_idx on crm.ticket (case_id, seq)`);
    await q.query(`drop index crm.ticket_customer_idx`);
    await q.query(`create index ticket_customer_idx on crm.ticket (customer_id, opened_at desc, seq desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index crm.customer_since_idx`);
    await q.query(`drop index crm.interaction_customer_idx`);
    await q.query(`create index interaction_customer_idx on crm.interaction (customer_id, occurred_at desc)`);
    await q.query(`drop index crm.case_customer_idx`);
    await q.query(`create index case_customer_idx on crm."case" (customer_id, opened_at desc)`);
    await q.query(`drop index crm.case_note_case_idx`);
    await q.query(`create index case_note_case_idx on crm.case_note (case_id, created_at)`);
    await q.query(`drop index crm.ticket_case_idx`);
    await q.query(`create index ticket_case_idx on crm.ticket (case_id)`);
    await q.query(`drop index crm.ticket_customer_idx`);
    await q.query(`create index ticket_customer_idx on crm.ticket (customer_id, opened_at desc)`);
    for (const table of ['contact_medium', 'customer', 'interaction', '"case"', 'case_note', 'ticket', 'port_request']) {
      await q.query(`alter table crm.${table} drop column seq`);
    }
  }
}
