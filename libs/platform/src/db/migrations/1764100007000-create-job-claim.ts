import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which worker process runs each active job. A process is alive while its session (named
 * `bss-jobs:<worker>` in pg_stat_activity) is open, so a job whose claimant is gone — killed,
 * crashed, redeployed — is handed back at once instead of after pg-boss' lease runs out.
 */
export class CreateJobClaim1764100007000 implements MigrationInterface {
  name = 'CreateJobClaim1764100007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table platform.job_claim (
        job_id uuid primary key,
        queue text not null,
        worker text not null,
        claimed_at timestamptz not null default now(),
        tenant_id text not null default 'DEFAULT'
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists platform.job_claim`);
  }
}
