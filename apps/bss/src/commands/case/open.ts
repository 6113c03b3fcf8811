import { Flags } from '@oclif/core';
import { CASE_CATEGORIES, OpenCaseCommand, PRIORITIES, type CaseCategory, type CaseView, type Priority } from '@bss/crm';
import { BssCommand } from '#bss/base/bss-command';

export default class CaseOpen extends BssCommand<CaseView> {
  static override summary = 'Open a case for an active customer';
  static override examples = ['<%= config.bin %> case open --customer CUST-3f9a0c12 --subject "No data abroad" --category technical --priority high'];
  static override flags = {
    customer: Flags.string({ description: 'Customer id (CUST-…)', required: true }),
    subject: Flags.string({ description: 'One line the customer would recognise', required: true }),
    description: Flags.string({ description: 'Longer description' }),
    category: Flags.string({ description: 'Case category (default general)', options: [...CASE_CATEGORIES] }),
    priority: Flags.string({ description: 'Priority (default normal)', options: [...PRIORITIES] }),
    agent: Flags.string({ description: 'Agent opening it (AGT-…)' }),
  };

  protected async execute(): Promise<CaseView> {
    const { flags } = await this.parse(CaseOpen);
    return (await this.service(OpenCaseCommand)).execute({
      customerId: flags.customer,
      subject: flags.subject,
      description: flags.description,
      category: flags.category as CaseCategory | undefined,
      priority: flags.priority as Priority | undefined,
      openedByAgentId: flags.agent,
    });
  }

  protected render(kase: CaseView): string {
    return `Opened ${kase.id} '${kase.subject}' [${kase.state}]`;
  }
}
