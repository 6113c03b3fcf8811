import type { DemoResetResult, DemoSeedResult } from '@bss/scenarios';
import { BssCommand, yesFlag } from '#bss/base/bss-command';
import { customersFlag, demoDataset, renderDemoSummary, seedFlag } from './seed';

export default class AdminDemoRestore extends BssCommand<DemoSeedResult & DemoResetResult> {
  static override summary = 'Put the demo back to its seeded state (remove the demo rows, seed them again); your own data stays';
  static override examples = ['<%= config.bin %> admin demo restore --yes'];
  static override flags = { yes: yesFlag, seed: seedFlag, customers: customersFlag };

  protected async execute(): Promise<DemoSeedResult & DemoResetResult> {
    const { flags } = await this.parse(AdminDemoRestore);
    this.requireYes(flags.yes, 'admin demo restore');
    return (await demoDataset({ service: (type) => this.service(type) })).restore(flags.seed, (line) => process.stderr.write(`${line}\n`), flags.customers);
  }

  protected render(result: DemoSeedResult & DemoResetResult): string {
    return [`✓ Demo restored to seed ${result.seed} (${result.removed.customers} demo customers replaced)`, ...renderDemoSummary(result)].join('\n');
  }
}
