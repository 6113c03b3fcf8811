import { envString, runningServerState } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';

interface DbStatus {
  source: 'external' | 'embedded';
  running: boolean;
  pid: number | null;
  /** Host and port only: the password stays in .bss/pg. */
  address: string | null;
}

export default class AdminDbStatus extends BssCommand<DbStatus> {
  static override summary = 'Which database bss uses: BSS_DB_URL, or the embedded Postgres (running or not)';
  static override examples = ['<%= config.bin %> admin db status'];

  protected async execute(): Promise<DbStatus> {
    await this.parse(AdminDbStatus);
    const external = envString('BSS_DB_URL');
    if (external) return { source: 'external', running: true, pid: null, address: hostOf(external) };
    const state = runningServerState();
    return { source: 'embedded', running: Boolean(state), pid: state?.pid ?? null, address: state ? hostOf(state.url) : null };
  }

  protected render(status: DbStatus): string {
    if (status.source === 'external') return `BSS_DB_URL → ${status.address}`;
    return status.running ? `Embedded Postgres running (pid ${status.pid}) on ${status.address}` : 'Embedded Postgres not running; the next bss call starts it in the background';
  }
}

function hostOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}
