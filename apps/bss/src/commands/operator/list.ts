import { OperatorQueries, type OperatorView } from '@bss/identity';
import { formatMinute, renderList } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export default class OperatorList extends BssCommand<OperatorView[]> {
  static override summary = 'List the people who may sign in to the operator cockpit';
  static override examples = ['<%= config.bin %> operator list', '<%= config.bin %> operator list --json'];

  protected async execute(): Promise<OperatorView[]> {
    await this.parse(OperatorList);
    return (await this.service(OperatorQueries)).list();
  }

  protected render(operators: OperatorView[]): string {
    return renderList(
      'Operators',
      [
        { header: 'ID', value: (o) => o.id },
        { header: 'Email', value: (o) => o.email },
        { header: 'Name', value: (o) => o.name, maxWidth: 30 },
        { header: 'Role', value: (o) => o.role },
        { header: 'Status', value: (o) => o.status },
        { header: 'Since', value: (o) => formatMinute(o.createdAt) },
      ],
      operators,
    );
  }
}
