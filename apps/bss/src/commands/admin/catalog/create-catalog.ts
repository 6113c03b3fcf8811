import { Flags } from '@oclif/core';
import { CreateCatalogCommand, type CatalogView, type LifecycleStatus } from '@bss/catalog';
import { BssCommand } from '#bss/base/bss-command';

/** `A,B` → ['A', 'B']; omitted stays omitted (a merge-patch keeps the value). */
function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

export default class AdminCatalogCreateCatalog extends BssCommand<CatalogView> {
  static override summary = 'Create a catalog grouping categories of offerings for a channel or partner';
  static override examples = ["<%= config.bin %> admin catalog create-catalog --id CAT_RESELLER --name 'Reseller plans' --channel partner_acme --categories CATEGORY_PLANS"];
  static override flags = {
    id: Flags.string({ description: 'Catalog id (CAT_RESELLER)', required: true }),
    name: Flags.string({ description: 'Display name', required: true }),
    description: Flags.string({ description: 'What it is for' }),
    lifecycle: Flags.string({ description: 'in_design, active or retired (default active)' }),
    channel: Flags.string({ description: 'Channel or partner service identity it is made for' }),
    categories: Flags.string({ description: 'Category ids it groups (comma-separated)' }),
  };

  protected async execute(): Promise<CatalogView> {
    const { flags } = await this.parse(AdminCatalogCreateCatalog);
    return (await this.service(CreateCatalogCommand)).execute({ catalogId: flags.id, name: flags.name, description: flags.description, lifecycleStatus: flags.lifecycle as LifecycleStatus | undefined, channel: flags.channel, categoryIds: list(flags.categories) });
  }

  protected render(v: CatalogView): string {
    return `✓ Catalog ${v.id} (${v.name}), categories: ${v.categoryIds.join(', ') || 'none'}`;
  }
}
