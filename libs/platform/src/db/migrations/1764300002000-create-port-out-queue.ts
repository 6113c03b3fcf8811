import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CRM enqueues `crm.port_out_approved` but subscription (above it) handles it. pg-boss silently
 * drops a job sent to a queue that does not exist yet, so the queue is created with the job
 * store: an approval made before the handler runs anywhere waits instead of vanishing. The
 * handler's own `jobs.define` later updates its retry options.
 */
export class CreatePortOutQueue1764300002000 implements MigrationInterface {
  name = 'CreatePortOutQueue1764300002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`select pgboss.create_queue('crm.port_out_approved.dead', '{"policy":"standard"}'::json)`);
    await q.query(`select pgboss.create_queue('crm.port_out_approved', $1::json)`, [
      JSON.stringify({ policy: 'standard', retryLimit: 5, retryDelay: 2, retryBackoff: true, deadLetter: 'crm.port_out_approved.dead' }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`select pgboss.delete_queue('crm.port_out_approved')`);
    await q.query(`select pgboss.delete_queue('crm.port_out_approved.dead')`);
  }
}
