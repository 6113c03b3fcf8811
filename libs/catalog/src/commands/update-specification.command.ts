import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { CATALOG_ID_PATTERN, LIFECYCLE_STATUSES, type LifecycleStatus } from '#catalog/domain/catalog.types';
import { ProductSpecificationEntity } from '#catalog/domain/product-specification.entity';
import { assertCatalogAdmin } from '#catalog/policies/catalog.policies';
import { toSpecificationView, type SpecificationView } from '#catalog/queries/catalog-structure.views';
import { LIFECYCLE_MESSAGE, lockById } from './catalog-structure';

/** A merge-patch of name, description, brand and lifecycle; an attribute left out keeps its value. */
export class UpdateSpecificationInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'specId must be UPPER_SNAKE' }) specId!: string;
  @IsOptional() @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(120) name?: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @IsOptional() @IsString() @MaxLength(120) brand?: string | null;
  @IsOptional() @IsIn(LIFECYCLE_STATUSES, LIFECYCLE_MESSAGE) lifecycleStatus?: LifecycleStatus;
}

/** Changes what a product specification says about itself; the offerings that reference it keep doing so. */
@Verb({ name: 'admin.catalog.update_specification', input: UpdateSpecificationInput, summary: 'Change a product specification: name, description, brand or lifecycle' })
@Injectable()
export class UpdateSpecificationCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: UpdateSpecificationInput): Promise<SpecificationView> {
    const dto = await validateInput(UpdateSpecificationInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: UpdateSpecificationInput): Promise<SpecificationView> {
    assertCatalogAdmin(w.auth.actor);
    const spec = await lockById(w, ProductSpecificationEntity, dto.specId, 'product_specification');
    const previous = toSpecificationView(spec);
    if (dto.name !== undefined) spec.name = dto.name.trim();
    if (dto.description !== undefined) spec.description = dto.description;
    if (dto.brand !== undefined) spec.brand = dto.brand;
    if (dto.lifecycleStatus !== undefined) spec.lifecycleStatus = dto.lifecycleStatus;
    await w.tx.save(spec);
    const view = toSpecificationView(spec);
    await w.emit({ eventType: 'catalog.specification_updated', aggregateType: 'product_specification', aggregateId: view.id, payload: { ...view, previous } });
    return view;
  }
}
