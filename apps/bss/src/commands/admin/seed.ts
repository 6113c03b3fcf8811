import { Database } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';

interface SeedResult {
  migrated: string[];
  seeded: true;
}

export default class AdminSeed extends BssCommand<SeedResult> {
  static override summary = 'Apply migrations and the idempotent reference-data seed (catalog, agents, SLA, pools)';

  protected async execute(): Promise<SeedResult> {
    await this.parse(AdminSeed);
    const db = await this.service(Database);
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const migrated = await db.migrate(log);
    await db.seed(log);
    return { migrated, seeded: true };
  }

  protected render(result: SeedResult): string {
    return `✓ Seeded reference data${result.migrated.length ? ` (${result.migrated.length} migrations applied)` : ''}`;
  }
}
