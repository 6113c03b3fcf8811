import { Flags } from '@oclif/core';
import { CreateSpecificationCommand, type SpecificationView, type LifecycleStatus } from '@bss/catalog';
import { BssCommand } from '#bss/base/bss-command';

export default class AdminCatalogCreateSpecification extends BssCommand<SpecificationView> {
  static override summary = 'Create a product specification that offerings can reference';
  static override examples = ["<%= config.bin %> admin catalog create-specification --id SPEC_DATA_ONLY --name 'Data-only eSIM' --lifecycle active"];
  static override flags = {
    id: Flags.string({ description: 'Specification id (SPEC_DATA_ONLY)', required: true }),
    name: Flags.string({ description: 'Display name', required: true }),
    description: Flags.string({ description: 'What it specifies' }),
    brand: Flags.string({ description: 'Brand' }),
    lifecycle: Flags.string({ description: 'in_design, active or retired (default in_design)' }),
  };

  protected async execute(): Promise<SpecificationView> {
    const { flags } = await this.parse(AdminCatalogCreateSpecification);
    return (await this.service(CreateSpecificationCommand)).execute({ specId: flags.id, name: flags.name, description: flags.description, brand: flags.brand, lifecycleStatus: flags.lifecycle as LifecycleStatus | undefined });
  }

  protected render(v: SpecificationView): string {
    return `✓ Specification ${v.id} (${v.name}), ${v.lifecycleStatus}`;
  }
}
