import { Flags } from '@oclif/core';
import { UpdateCategoryCommand, type CategoryView, type LifecycleStatus } from '@bss/catalog';
import { BssCommand } from '#bss/base/bss-command';

/** `A,B` → ['A', 'B']; omitted stays omitted (a merge-patch keeps the value). */
function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

export default class AdminCatalogUpdateCategory extends BssCommand<CategoryView> {
  static override summary = 'Change a category: name, description, lifecycle, parent or the offerings it classifies';
  static override examples = ['<%= config.bin %> admin catalog update-category --id CATEGORY_BIG_DATA --offerings PLAN_M,PLAN_L'];
  static override flags = {
    id: Flags.string({ description: 'Category id', required: true }),
    name: Flags.string({ description: 'New display name' }),
    description: Flags.string({ description: 'New description' }),
    lifecycle: Flags.string({ description: 'in_design, active or retired' }),
    parent: Flags.string({ description: 'New parent category id' }),
    offerings: Flags.string({ description: 'Replace the offering ids it classifies (comma-separated)' }),
  };

  protected async execute(): Promise<CategoryView> {
    const { flags } = await this.parse(AdminCatalogUpdateCategory);
    return (await this.service(UpdateCategoryCommand)).execute({ categoryId: flags.id, name: flags.name, description: flags.description, lifecycleStatus: flags.lifecycle as LifecycleStatus | undefined, parentId: flags.parent, offeringIds: list(flags.offerings) });
  }

  protected render(v: CategoryView): string {
    return `✓ Category ${v.id} (${v.name}), ${v.lifecycleStatus}, offerings: ${v.offeringIds.join(', ') || 'none'}`;
  }
}
