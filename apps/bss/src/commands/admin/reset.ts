import { UnitOfWork } from '@bss/audit';
import { Clock, resetOperationalData } from '@bss/platform';
import { BssCommand, yesFlag } from '../../base/bss-command';

interface ResetResult {
  reset: string[];
}

export default class AdminReset extends BssCommand<ResetResult> {
  static override summary = 'Delete operational data (customers, orders, lines, payments, jobs); reference data and the audit log survive';
  static override examples = ['<%= config.bin %> admin reset --yes'];
  static override flags = { yes: yesFlag };

  protected async execute(): Promise<ResetResult> {
    const { flags } = await this.parse(AdminReset);
    this.requireYes(flags.yes, 'admin reset');
    const uow = await this.service(UnitOfWork);
    const reset = await uow.run(async (w) => {
      const contexts = await resetOperationalData(w.tx);
      await w.emit({ eventType: 'admin.reset', aggregateType: 'system', aggregateId: 'system', payload: { contexts } });
      return contexts;
    });
    await (await this.service(Clock)).reset();
    return { reset };
  }

  protected render(result: ResetResult): string {
    return `✓ Reset operational data of ${result.reset.length ? result.reset.join(', ') : 'no contexts'}; clock back to wall time`;
  }
}
