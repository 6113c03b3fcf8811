import { Flags } from '@oclif/core';
import { UpdateCatalogCommand, type CatalogView, type LifecycleStatus } from '@bss/catalog';
import { BssCommand } from '#bss/base/bss-command';

/** `A,B` → ['A', 'B']; omitted stays omitted (a merge-patch keeps the value). */
function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

export default class AdminCatalogUpdateCatalog extends BssCommand<CatalogView> {
  static override summary = 'Change a catalog: name, description, lifecycle, channel or the categories it groups';
  static override examples = ['<%= config.bin %> admin catalog update-catalog --id CAT_RESELLER --lifecycle retired'];
  static override flags = {
    id: Flags.string({ description: 'Catalog id', required: true }),
    name: Flags.string({ description: 'New display name' }),
    description: Flags.string({ description: 'New description' }),
    lifecycle: Flags.string({ description: 'in_design, active or retired' }),
    channel: Flags.string({ description: 'Channel or partner service identity' }),
    categories: Flags.string({ description: 'Replace the category ids it groups (comma-separated)' }),
  };

  protected async execute(): Promise<CatalogView> {
    const { flags } = await this.parse(AdminCatalogUpdateCatalog);
    return (await this.service(UpdateCatalogCommand)).execute({ catalogId: flags.id, name: flags.name, description: flags.description, lifecycleStatus: flags.lifecycle as LifecycleStatus | undefined, channel: flags.channel, categoryIds: list(flags.categories) });
  }

  protected render(v: CatalogView): string {
    return `✓ Catalog ${v.id} (${v.name}), ${v.lifecycleStatus}, categories: ${v.categoryIds.join(', ') || 'none'}`;
  }
}
