import { Flags } from '@oclif/core';
import { DeleteCatalogCommand, type CatalogView } from '@bss/catalog';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class AdminCatalogDeleteCatalog extends BssCommand<CatalogView> {
  static override summary = 'Delete a catalog (its categories and offerings stay)';
  static override examples = ['<%= config.bin %> admin catalog delete-catalog --id CAT_RESELLER --yes'];
  static override flags = {
    id: Flags.string({ description: 'Catalog id', required: true }),
    yes: yesFlag,
  };

  protected async execute(): Promise<CatalogView> {
    const { flags } = await this.parse(AdminCatalogDeleteCatalog);
    this.requireYes(flags.yes, 'admin catalog delete-catalog');
    return (await this.service(DeleteCatalogCommand)).execute({ catalogId: flags.id });
  }

  protected render(v: CatalogView): string {
    return `✓ Deleted catalog ${v.id}`;
  }
}
