import { Flags } from '@oclif/core';
import { CreateCategoryCommand, type CategoryView, type LifecycleStatus } from '@bss/catalog';
import { BssCommand } from '#bss/base/bss-command';

/** `A,B` → ['A', 'B']; omitted stays omitted (a merge-patch keeps the value). */
function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

export default class AdminCatalogCreateCategory extends BssCommand<CategoryView> {
  static override summary = 'Create a category that classifies offerings (optionally under a parent)';
  static override examples = ["<%= config.bin %> admin catalog create-category --id CATEGORY_BIG_DATA --name 'Big data plans' --offerings PLAN_L"];
  static override flags = {
    id: Flags.string({ description: 'Category id (CATEGORY_DATA_ONLY)', required: true }),
    name: Flags.string({ description: 'Display name', required: true }),
    description: Flags.string({ description: 'What it classifies' }),
    lifecycle: Flags.string({ description: 'in_design, active or retired (default active)' }),
    parent: Flags.string({ description: 'Parent category id' }),
    offerings: Flags.string({ description: 'Offering ids it classifies (comma-separated)' }),
  };

  protected async execute(): Promise<CategoryView> {
    const { flags } = await this.parse(AdminCatalogCreateCategory);
    return (await this.service(CreateCategoryCommand)).execute({ categoryId: flags.id, name: flags.name, description: flags.description, lifecycleStatus: flags.lifecycle as LifecycleStatus | undefined, parentId: flags.parent, offeringIds: list(flags.offerings) });
  }

  protected render(v: CategoryView): string {
    return `✓ Category ${v.id} (${v.name}), offerings: ${v.offeringIds.join(', ') || 'none'}`;
  }
}
