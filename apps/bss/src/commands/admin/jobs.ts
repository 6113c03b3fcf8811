import { Flags } from '@oclif/core';
import { JobQueue, type JobRow } from '@bss/platform';
import { renderList } from '@bss/web';
import { BssCommand, limitFlag } from '#bss/base/bss-command';

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;

export default class AdminJobs extends BssCommand<JobRow[]> {
  static override summary = 'List durable jobs; --state failed shows parked (dead) jobs';
  static override examples = ['<%= config.bin %> admin jobs --state failed', '<%= config.bin %> admin jobs --queue orders.som --json'];
  static override flags = {
    state: Flags.string({ description: 'Job state', options: [...JOB_STATES] }),
    queue: Flags.string({ description: 'Queue name' }),
    limit: limitFlag,
  };

  protected async execute(): Promise<JobRow[]> {
    const { flags } = await this.parse(AdminJobs);
    return (await this.service(JobQueue)).list({ state: flags.state, queue: flags.queue, limit: flags.limit });
  }

  protected render(jobs: JobRow[]): string {
    return renderList(
      'Jobs',
      [
        { header: 'Id', value: (j) => j.id.slice(0, 8) },
        { header: 'Queue', value: (j) => j.queue },
        { header: 'State', value: (j) => j.state },
        { header: 'Tries', value: (j) => `${j.retryCount}/${j.retryLimit}` },
        { header: 'Created', value: (j) => j.createdOn.replace('T', ' ').slice(0, 19) },
        { header: 'Error', value: (j) => errorOf(j.output), maxWidth: 40 },
      ],
      jobs,
    );
  }
}

function errorOf(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output) return String((output as { message: unknown }).message);
  return '';
}
