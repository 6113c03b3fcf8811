import { Flags } from '@oclif/core';
import { CASE_STATES, CaseQueries, type CaseState, type CaseView } from '@bss/crm';
import { formatMinute, renderList } from '@bss/web';
import { BssCommand, limitFlag } from '#bss/base/bss-command';

export default class CaseList extends BssCommand<CaseView[]> {
  static override summary = 'List cases, newest first';
  static override examples = ['<%= config.bin %> case list --customer CUST-3f9a0c12', '<%= config.bin %> case list --state open --json'];
  static override flags = {
    customer: Flags.string({ description: 'Only this customer’s cases (CUST-…)' }),
    state: Flags.string({ description: 'Only cases in this state', options: [...CASE_STATES] }),
    limit: limitFlag,
  };

  protected async execute(): Promise<CaseView[]> {
    const { flags } = await this.parse(CaseList);
    return (await this.service(CaseQueries)).list({ customerId: flags.customer, state: flags.state as CaseState | undefined, limit: flags.limit });
  }

  protected render(cases: CaseView[]): string {
    return renderList(
      'Cases',
      [
        { header: 'ID', value: (c) => c.id },
        { header: 'Subject', value: (c) => c.subject, maxWidth: 30 },
        { header: 'Priority', value: (c) => c.priority },
        { header: 'State', value: (c) => c.state },
        { header: 'Customer', value: (c) => c.customerId },
        { header: 'Opened', value: (c) => formatMinute(c.openedAt) },
      ],
      cases,
    );
  }
}
