import { Injectable } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { CATALOG_ID_PATTERN } from '#catalog/domain/catalog.types';
import { ProductOfferingEntity } from '#catalog/domain/product-offering.entity';
import { ProductSpecificationEntity } from '#catalog/domain/product-specification.entity';
import { assertCatalogAdmin, assertSpecificationUnused } from '#catalog/policies/catalog.policies';
import { toSpecificationView, type SpecificationView } from '#catalog/queries/catalog-structure.views';
import { lockById } from './catalog-structure';

export class DeleteSpecificationInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'specId must be UPPER_SNAKE' }) specId!: string;
}

/** Deletes a product specification no offering references (any offering, retired ones too: lines keep their offering). */
@Verb({ name: 'admin.catalog.delete_specification', input: DeleteSpecificationInput, summary: 'Delete a product specification that no offering references', destructive: true })
@Injectable()
export class DeleteSpecificationCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: DeleteSpecificationInput): Promise<SpecificationView> {
    const dto = await validateInput(DeleteSpecificationInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: DeleteSpecificationInput): Promise<SpecificationView> {
    assertCatalogAdmin(w.auth.actor);
    const spec = await lockById(w, ProductSpecificationEntity, dto.specId, 'product_specification');
    const users = await w.tx.find(ProductOfferingEntity, { select: { id: true }, where: { specId: spec.id }, order: { id: 'ASC' } });
    assertSpecificationUnused(spec.id, users.map((o) => o.id));
    const view = toSpecificationView(spec);
    await w.tx.delete(ProductSpecificationEntity, { id: spec.id });
    await w.emit({ eventType: 'catalog.specification_deleted', aggregateType: 'product_specification', aggregateId: view.id, payload: { ...view } });
    return view;
  }
}
