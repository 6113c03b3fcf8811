import { ProvisioningQueries, type FaultRuleView } from '@bss/orders';
import { renderList } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class ProvFaults extends BssCommand<FaultRuleView[]> {
  static override summary = 'List the fault-injection rules of the provisioning simulator';
  static override examples = ['<%= config.bin %> prov faults', '<%= config.bin %> prov faults --json'];

  protected async execute(): Promise<FaultRuleView[]> {
    await this.parse(ProvFaults);
    return (await this.service(ProvisioningQueries)).listFaultRules();
  }

  protected render(rules: FaultRuleView[]): string {
    return renderList(
      'Fault-injection rules',
      [
        { header: 'Id', value: (r) => r.id },
        { header: 'Task type', value: (r) => r.taskType },
        { header: 'Fault', value: (r) => r.faultType },
        { header: 'P', value: (r) => r.probability.toFixed(2) },
        { header: 'Enabled', value: (r) => (r.enabled ? 'yes' : 'no') },
      ],
      rules,
    );
  }
}
