import { stopEmbeddedDatabase } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';

interface DbStopResult {
  stopped: boolean;
}

export default class AdminDbStop extends BssCommand<DbStopResult> {
  static override summary = 'Stop the embedded Postgres a bss call started in the background (npm start stops its own on Ctrl-C)';
  static override examples = ['<%= config.bin %> admin db stop'];

  protected async execute(): Promise<DbStopResult> {
    await this.parse(AdminDbStop);
    return { stopped: await stopEmbeddedDatabase() };
  }

  protected render(result: DbStopResult): string {
    return result.stopped ? '✓ Stopped the embedded Postgres' : 'The embedded Postgres was not running';
  }
}
