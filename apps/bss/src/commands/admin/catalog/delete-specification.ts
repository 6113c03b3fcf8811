import { Flags } from '@oclif/core';
import { DeleteSpecificationCommand, type SpecificationView } from '@bss/catalog';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class AdminCatalogDeleteSpecification extends BssCommand<SpecificationView> {
  static override summary = 'Delete a product specification that no offering references';
  static override examples = ['<%= config.bin %> admin catalog delete-specification --id SPEC_DATA_ONLY --yes'];
  static override flags = {
    id: Flags.string({ description: 'Specification id', required: true }),
    yes: yesFlag,
  };

  protected async execute(): Promise<SpecificationView> {
    const { flags } = await this.parse(AdminCatalogDeleteSpecification);
    this.requireYes(flags.yes, 'admin catalog delete-specification');
    return (await this.service(DeleteSpecificationCommand)).execute({ specId: flags.id });
  }

  protected render(v: SpecificationView): string {
    return `✓ Deleted specification ${v.id}`;
  }
}
