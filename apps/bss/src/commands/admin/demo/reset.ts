import type { DemoResetResult } from '@bss/scenarios';
import { BssCommand, yesFlag } from '#bss/base/bss-command';
import { demoDataset } from './seed';

export default class AdminDemoReset extends BssCommand<DemoResetResult> {
  static override summary = 'Remove the demo rows only (customers with *.demo@bss-cli.local emails and what hangs off them); your own data stays';
  static override examples = ['<%= config.bin %> admin demo reset --yes'];
  static override flags = { yes: yesFlag };

  protected async execute(): Promise<DemoResetResult> {
    const { flags } = await this.parse(AdminDemoReset);
    this.requireYes(flags.yes, 'admin demo reset');
    return (await demoDataset({ service: (type) => this.service(type) })).reset();
  }

  protected render(result: DemoResetResult): string {
    const r = result.removed;
    return `✓ Removed the demo: ${r.customers} customers, ${r.lines} lines, ${r.orders} orders, ${r.cases} cases, ${r.portRequests} port requests`;
  }
}
