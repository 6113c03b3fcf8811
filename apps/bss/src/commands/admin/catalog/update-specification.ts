import { Flags } from '@oclif/core';
import { UpdateSpecificationCommand, type SpecificationView, type LifecycleStatus } from '@bss/catalog';
import { BssCommand } from '#bss/base/bss-command';

export default class AdminCatalogUpdateSpecification extends BssCommand<SpecificationView> {
  static override summary = 'Change a product specification: name, description, brand or lifecycle';
  static override examples = ['<%= config.bin %> admin catalog update-specification --id SPEC_DATA_ONLY --lifecycle retired'];
  static override flags = {
    id: Flags.string({ description: 'Specification id', required: true }),
    name: Flags.string({ description: 'New display name' }),
    description: Flags.string({ description: 'New description' }),
    brand: Flags.string({ description: 'New brand' }),
    lifecycle: Flags.string({ description: 'in_design, active or retired' }),
  };

  protected async execute(): Promise<SpecificationView> {
    const { flags } = await this.parse(AdminCatalogUpdateSpecification);
    return (await this.service(UpdateSpecificationCommand)).execute({ specId: flags.id, name: flags.name, description: flags.description, brand: flags.brand, lifecycleStatus: flags.lifecycle as LifecycleStatus | undefined });
  }

  protected render(v: SpecificationView): string {
    return `✓ Specification ${v.id} (${v.name}), ${v.lifecycleStatus}`;
  }
}
