import type { Database } from '#platform/db/database';
import { JOB_SCHEMA } from '#platform/jobs/job-queue';

/** One run of a job, live or already archived by pg-boss: what a trace shows of it. */
export interface JobRun {
  id: string;
  queue: string;
  state: string;
  retryCount: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
}

interface JobRunRow {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
}

/**
 * The runs of the jobs whose payload carries `field` = `value` (`traceId`, `orderId` …), live and
 * archived alike: pg-boss moves finished jobs to its archive, and a trace must still show them.
 */
export async function jobRunsCarrying(db: Database, field: string, value: string): Promise<JobRun[]> {
  const rows = await db.query<JobRunRow>(
    `select id, name, state, retry_count, created_on, started_on, completed_on from ${JOB_SCHEMA}.job where data->>$1 = $2
     union all
     select id, name, state, retry_count, created_on, started_on, completed_on from ${JOB_SCHEMA}.archive where data->>$1 = $2`,
    [field, value],
  );
  return rows.map((row) => ({
    id: row.id,
    queue: row.name,
    state: row.state,
    retryCount: row.retry_count,
    createdOn: row.created_on,
    startedOn: row.started_on,
    completedOn: row.completed_on,
  }));
}
