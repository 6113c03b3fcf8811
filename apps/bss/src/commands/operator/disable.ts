import { Args } from '@oclif/core';
import { DisableOperatorCommand, type OperatorView } from '@bss/identity';
import { BssCommand } from '#bss/base/bss-command';

export default class OperatorDisable extends BssCommand<OperatorView> {
  static override summary = 'Stop an operator signing in to the cockpit; their open sessions end at once';
  static override examples = ['<%= config.bin %> operator disable OPR-3f9a0c12'];
  static override args = { id: Args.string({ required: true, description: 'Operator id (OPR-…)' }) };

  protected async execute(): Promise<OperatorView> {
    const { args } = await this.parse(OperatorDisable);
    return (await this.service(DisableOperatorCommand)).execute({ operatorId: args.id });
  }

  protected render(operator: OperatorView): string {
    return `Disabled ${operator.id} ${operator.email}`;
  }
}
