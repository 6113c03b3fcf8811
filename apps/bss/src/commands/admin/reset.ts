import { ResetOperationalDataCommand, type ResetOperationalDataResult } from '@bss/audit';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class AdminReset extends BssCommand<ResetOperationalDataResult> {
  static override summary = 'Delete operational data (customers, orders, lines, payments, jobs); reference data and the audit log survive';
  static override examples = ['<%= config.bin %> admin reset --yes'];
  static override flags = { yes: yesFlag };

  protected async execute(): Promise<ResetOperationalDataResult> {
    const { flags } = await this.parse(AdminReset);
    this.requireYes(flags.yes, 'admin reset');
    return (await this.service(ResetOperationalDataCommand)).execute();
  }

  protected render(result: ResetOperationalDataResult): string {
    return `✓ Reset operational data of ${result.reset.length ? result.reset.join(', ') : 'no contexts'}; clock back to wall time`;
  }
}
