import { Flags } from '@oclif/core';
import { AddOperatorCommand, OPERATOR_ROLES, type OperatorRole, type OperatorView } from '@bss/identity';
import { BssCommand } from '#bss/base/bss-command';

export default class OperatorAdd extends BssCommand<OperatorView> {
  static override summary = 'Allow a person to sign in to the operator cockpit (:9002) with an emailed code';
  static override examples = ['<%= config.bin %> operator add --email ada@bss.local --name "Ada Lovelace" --role admin'];
  static override flags = {
    email: Flags.string({ required: true, description: 'Where the sign-in codes go' }),
    name: Flags.string({ required: true, description: 'Shown in the cockpit and on audit rows' }),
    role: Flags.string({ description: 'admin may also change catalog prices and windows', options: [...OPERATOR_ROLES], default: 'agent' }),
  };

  protected async execute(): Promise<OperatorView> {
    const { flags } = await this.parse(OperatorAdd);
    return (await this.service(AddOperatorCommand)).execute({ email: flags.email, name: flags.name, role: flags.role as OperatorRole });
  }

  protected render(operator: OperatorView): string {
    return `Added ${operator.id} ${operator.email} (${operator.role})`;
  }
}
