import { Flags } from '@oclif/core';
import { DeleteCategoryCommand, type CategoryView } from '@bss/catalog';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class AdminCatalogDeleteCategory extends BssCommand<CategoryView> {
  static override summary = 'Delete a category that no offering, catalog or subcategory uses any more';
  static override examples = ['<%= config.bin %> admin catalog delete-category --id CATEGORY_BIG_DATA --yes'];
  static override flags = {
    id: Flags.string({ description: 'Category id', required: true }),
    yes: yesFlag,
  };

  protected async execute(): Promise<CategoryView> {
    const { flags } = await this.parse(AdminCatalogDeleteCategory);
    this.requireYes(flags.yes, 'admin catalog delete-category');
    return (await this.service(DeleteCategoryCommand)).execute({ categoryId: flags.id });
  }

  protected render(v: CategoryView): string {
    return `✓ Deleted category ${v.id}`;
  }
}
