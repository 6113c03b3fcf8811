import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { CATALOG_ID_PATTERN, LIFECYCLE_STATUSES, type LifecycleStatus } from '#catalog/domain/catalog.types';
import { ProductSpecificationEntity } from '#catalog/domain/product-specification.entity';
import { assertCatalogAdmin, assertCatalogIdIsNew } from '#catalog/policies/catalog.policies';
import { toSpecificationView, type SpecificationView } from '#catalog/queries/catalog-structure.views';
import { LIFECYCLE_MESSAGE } from './catalog-structure';

export class CreateSpecificationInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'specId must be UPPER_SNAKE, e.g. SPEC_DATA_ONLY' }) specId!: string;
  @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(120) name!: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsString() @MaxLength(120) brand?: string;
  /** Default in_design: offerings may reference it once it is active. */
  @IsOptional() @IsIn(LIFECYCLE_STATUSES, LIFECYCLE_MESSAGE) lifecycleStatus?: LifecycleStatus;
}

/** Creates a product specification: what an offering sells (offerings reference it by `specId`). */
@Verb({ name: 'admin.catalog.create_specification', input: CreateSpecificationInput, summary: 'Create a product specification that offerings can reference' })
@Injectable()
export class CreateSpecificationCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: CreateSpecificationInput): Promise<SpecificationView> {
    const dto = await validateInput(CreateSpecificationInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: CreateSpecificationInput): Promise<SpecificationView> {
    assertCatalogAdmin(w.auth.actor);
    assertCatalogIdIsNew('specification', dto.specId, await w.tx.existsBy(ProductSpecificationEntity, { id: dto.specId }));
    await w.tx.insert(ProductSpecificationEntity, {
      id: dto.specId,
      name: dto.name.trim(),
      description: dto.description ?? null,
      brand: dto.brand ?? null,
      lifecycleStatus: dto.lifecycleStatus ?? 'in_design',
      tenantId: w.auth.tenant,
    });
    const view = toSpecificationView(await w.tx.findOneByOrFail(ProductSpecificationEntity, { id: dto.specId }));
    await w.emit({ eventType: 'catalog.specification_created', aggregateType: 'product_specification', aggregateId: view.id, payload: { ...view } });
    return view;
  }
}
