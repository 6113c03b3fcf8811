import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AddOfferingCommand,
  CatalogJobQueries,
  CatalogQueries,
  CreateCatalogCommand,
  DeleteCatalogJobCommand,
  ExportCatalogCommand,
  ImportCatalogCommand,
  CreateCategoryCommand,
  CreateSpecificationCommand,
  DeleteCatalogCommand,
  DeleteCategoryCommand,
  DeleteSpecificationCommand,
  EndPriceCommand,
  RevisePriceCommand,
  SetPriceCommand,
  UpdateCatalogCommand,
  UpdateCategoryCommand,
  UpdateSpecificationCommand,
  WindowOfferingCommand,
  type CatalogView,
  type CategoryView,
} from '@bss/catalog';
import { Clock } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { PartnerEntitlements } from '@bss/tmf';
import { created, objectBody, selectFields, tmfList, type TmfQuery, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { ProductOfferingCache } from './product-offering.cache';
import { queryKeyOf, sendRenderedList } from './product-offering.fast-path';
import {
  toCatalog,
  toCategory,
  toCreateCatalogInput,
  toCreateCategoryInput,
  toCreateSpecificationInput,
  toProductSpecification,
  toRevisePriceInput,
  toUpdateCatalogInput,
  toUpdateCategoryInput,
  toUpdateSpecificationInput,
} from './catalog-structure.mapper';
import { toCatalogJob, toExportCatalogInput, toImportCatalogInput } from './catalog-job.mapper';
import { toAddOfferingInput, toProductOffering, toProductOfferingPrice, toSetPriceInput, toWindowOfferingInput } from './product-offering.mapper';

/**
 * TMF620 Product Catalog Management: what a partner may sell now, how it is organised (catalogs,
 * categories, specifications); every write maps onto one catalog admin command, for identities named
 * in `BSS_TMF_CATALOG_ADMINS` only (403 otherwise).
 */
@Controller(TMF_BASE.productCatalog)
export class ProductCatalogController {
  constructor(
    private readonly catalog: CatalogQueries,
    private readonly offerings: ProductOfferingCache,
    private readonly partners: PartnerEntitlements,
    private readonly addOffering: AddOfferingCommand,
    private readonly windowOffering: WindowOfferingCommand,
    private readonly setPrice: SetPriceCommand,
    private readonly revisePrice: RevisePriceCommand,
    private readonly endPrice: EndPriceCommand,
    private readonly createCatalog: CreateCatalogCommand,
    private readonly updateCatalog: UpdateCatalogCommand,
    private readonly deleteCatalog: DeleteCatalogCommand,
    private readonly createCategory: CreateCategoryCommand,
    private readonly updateCategory: UpdateCategoryCommand,
    private readonly deleteCategory: DeleteCategoryCommand,
    private readonly createSpecification: CreateSpecificationCommand,
    private readonly updateSpecification: UpdateSpecificationCommand,
    private readonly deleteSpecification: DeleteSpecificationCommand,
    private readonly exportCatalog: ExportCatalogCommand,
    private readonly importCatalog: ImportCatalogCommand,
    private readonly deleteJob: DeleteCatalogJobCommand,
    private readonly jobs: CatalogJobQueries,
    private readonly clock: Clock,
  ) {}

  @Post('productOffering')
  @TmfOperation('createProductOffering')
  async createOffering(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    this.partners.assertCatalogAdmin();
    return created(reply, toProductOffering(await this.addOffering.execute(toAddOfferingInput(objectBody(body)))));
  }

  /** Merge-patch of the sales window (admin.catalog.window_offering). 201, as the official TMF620 v2 document answers a patch. */
  @Patch('productOffering/:id')
  @TmfOperation('patchProductOffering')
  @HttpCode(201)
  async patchOffering(@Param('id') id: string, @Body() body: unknown) {
    this.partners.assertCatalogAdmin();
    const patch = objectBody(body);
    return toProductOffering(await this.windowOffering.execute(toWindowOfferingInput(await this.catalog.getOffering(id), patch)));
  }

  /** DELETE = retire: the sales window closes now (admin.catalog.window_offering); an offering is never erased, lines on it keep it. */
  @Delete('productOffering/:id')
  @TmfOperation('deleteProductOffering')
  @HttpCode(204)
  async retireOffering(@Param('id') id: string): Promise<void> {
    this.partners.assertCatalogAdmin();
    const current = await this.catalog.getOffering(id);
    await this.windowOffering.execute({ offeringId: id, validFrom: current.validFrom?.toISOString() ?? null, validTo: (await this.clock.now()).toISOString() });
  }

  @Post('productOfferingPrice')
  @TmfOperation('createProductOfferingPrice')
  async createPrice(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    this.partners.assertCatalogAdmin();
    return created(reply, toProductOfferingPrice((await this.setPrice.execute(toSetPriceInput(objectBody(body)))).price));
  }

  /** Usually answered by ProductOfferingFastPath before it gets here; this route documents it and answers the rest (errors). */
  @Get('productOffering')
  @TmfOperation('listProductOffering')
  async listOfferings(@Query() query: TmfQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return sendRenderedList(reply, await this.offerings.list(currentAuth().tenant, queryKeyOf(request.url), query));
  }

  @Get('productOffering/:id')
  @TmfOperation('retrieveProductOffering')
  async getOffering(@Param('id') id: string, @Query() query: TmfQuery) {
    const offering = await this.catalog.getOffering(id);
    return selectFields(toProductOffering(offering, (await this.catalog.categoriesOfOfferings()).get(id)), query);
  }

  /** The prices of the sellable offerings, each once (an offering lists its own under `productOfferingPrice`). */
  @Get('productOfferingPrice')
  @TmfOperation('listProductOfferingPrice')
  async listPrices(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const prices = (await this.offerings.offerings()).flatMap((o) => o.productOfferingPrice as TmfResource[]);
    return tmfList(reply, [...new Map(prices.map((p) => [p.id, p])).values()], query);
  }

  @Get('productOfferingPrice/:id')
  @TmfOperation('retrieveProductOfferingPrice')
  async getPrice(@Param('id') id: string, @Query() query: TmfQuery) {
    return selectFields(toProductOfferingPrice(await this.catalog.priceById(id)), query);
  }

  /**
   * PATCH = a new price version (admin.catalog.revise_price): the patched `price` from
   * `validFor.startDateTime` (or now); the old row ends there and stays, as renewals pinned it.
   * Answers the new version (its own id and href).
   */
  @Patch('productOfferingPrice/:id')
  @TmfOperation('patchProductOfferingPrice')
  @HttpCode(201)
  async patchPrice(@Param('id') id: string, @Body() body: unknown) {
    this.partners.assertCatalogAdmin();
    return toProductOfferingPrice((await this.revisePrice.execute(toRevisePriceInput(id, objectBody(body)))).price);
  }

  /** DELETE = end the price now (admin.catalog.end_price); refused (422) for the only current price of an offering on sale. */
  @Delete('productOfferingPrice/:id')
  @TmfOperation('deleteProductOfferingPrice')
  @HttpCode(204)
  async removePrice(@Param('id') id: string): Promise<void> {
    this.partners.assertCatalogAdmin();
    await this.endPrice.execute({ priceId: id });
  }

  @Get('productSpecification')
  @TmfOperation('listProductSpecification')
  async listSpecifications(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return tmfList(reply, (await this.catalog.listSpecifications()).map(toProductSpecification), query);
  }

  @Get('productSpecification/:id')
  @TmfOperation('retrieveProductSpecification')
  async getSpecification(@Param('id') id: string, @Query() query: TmfQuery) {
    return selectFields(toProductSpecification(await this.catalog.getSpecification(id)), query);
  }

  @Post('productSpecification')
  @TmfOperation('createProductSpecification')
  async postSpecification(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    this.partners.assertCatalogAdmin();
    return created(reply, toProductSpecification(await this.createSpecification.execute(toCreateSpecificationInput(objectBody(body)))));
  }

  @Patch('productSpecification/:id')
  @TmfOperation('patchProductSpecification')
  @HttpCode(201)
  async patchSpecification(@Param('id') id: string, @Body() body: unknown) {
    this.partners.assertCatalogAdmin();
    return toProductSpecification(await this.updateSpecification.execute(toUpdateSpecificationInput(id, objectBody(body))));
  }

  /** Refused (422 `catalog.specification.in_use`) while an offering references it. */
  @Delete('productSpecification/:id')
  @TmfOperation('deleteProductSpecification')
  @HttpCode(204)
  async removeSpecification(@Param('id') id: string): Promise<void> {
    this.partners.assertCatalogAdmin();
    await this.deleteSpecification.execute({ specId: id });
  }

  @Get('catalog')
  @TmfOperation('listCatalog')
  async listCatalogs(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return tmfList(reply, await this.renderCatalogs(await this.catalog.listCatalogs()), query);
  }

  @Get('catalog/:id')
  @TmfOperation('retrieveCatalog')
  async getCatalog(@Param('id') id: string, @Query() query: TmfQuery) {
    return selectFields((await this.renderCatalogs([await this.catalog.getCatalog(id)]))[0], query);
  }

  @Post('catalog')
  @TmfOperation('createCatalog')
  async postCatalog(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    this.partners.assertCatalogAdmin();
    return created(reply, (await this.renderCatalogs([await this.createCatalog.execute(toCreateCatalogInput(objectBody(body)))]))[0]);
  }

  @Patch('catalog/:id')
  @TmfOperation('patchCatalog')
  @HttpCode(201)
  async patchCatalog(@Param('id') id: string, @Body() body: unknown) {
    this.partners.assertCatalogAdmin();
    return (await this.renderCatalogs([await this.updateCatalog.execute(toUpdateCatalogInput(id, objectBody(body)))]))[0];
  }

  /** The categories and offerings it grouped stay. */
  @Delete('catalog/:id')
  @TmfOperation('deleteCatalog')
  @HttpCode(204)
  async removeCatalog(@Param('id') id: string): Promise<void> {
    this.partners.assertCatalogAdmin();
    await this.deleteCatalog.execute({ catalogId: id });
  }

  @Get('category')
  @TmfOperation('listCategory')
  async listCategories(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return tmfList(reply, await this.renderCategories(await this.catalog.listCategories()), query);
  }

  @Get('category/:id')
  @TmfOperation('retrieveCategory')
  async getCategory(@Param('id') id: string, @Query() query: TmfQuery) {
    return selectFields((await this.renderCategories([await this.catalog.getCategory(id)]))[0], query);
  }

  @Post('category')
  @TmfOperation('createCategory')
  async postCategory(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    this.partners.assertCatalogAdmin();
    return created(reply, (await this.renderCategories([await this.createCategory.execute(toCreateCategoryInput(objectBody(body)))]))[0]);
  }

  @Patch('category/:id')
  @TmfOperation('patchCategory')
  @HttpCode(201)
  async patchCategory(@Param('id') id: string, @Body() body: unknown) {
    this.partners.assertCatalogAdmin();
    return (await this.renderCategories([await this.updateCategory.execute(toUpdateCategoryInput(id, objectBody(body)))]))[0];
  }

  /** Refused (422 `catalog.category.in_use`) while it classifies offerings, sits in a catalog or has subcategories. */
  @Delete('category/:id')
  @TmfOperation('deleteCategory')
  @HttpCode(204)
  async removeCategory(@Param('id') id: string): Promise<void> {
    this.partners.assertCatalogAdmin();
    await this.deleteCategory.execute({ categoryId: id });
  }

  /** admin.catalog.import: a durable job adds each new offering of the document (URL or inline `payload`) through add_offering. */
  @Post('importJob')
  @TmfOperation('createImportJob')
  async postImportJob(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    this.partners.assertCatalogAdmin();
    return created(reply, toCatalogJob(await this.importCatalog.execute(toImportCatalogInput(objectBody(body)))));
  }

  @Get('importJob')
  @TmfOperation('listImportJob')
  async listImportJobs(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    this.partners.assertCatalogAdmin();
    return tmfList(reply, (await this.jobs.list('import')).map(toCatalogJob), query);
  }

  @Get('importJob/:id')
  @TmfOperation('retrieveImportJob')
  async getImportJob(@Param('id') id: string, @Query() query: TmfQuery) {
    this.partners.assertCatalogAdmin();
    return selectFields(toCatalogJob(await this.jobs.get('import', id)), query);
  }

  @Delete('importJob/:id')
  @TmfOperation('deleteImportJob')
  @HttpCode(204)
  async removeImportJob(@Param('id') id: string): Promise<void> {
    this.partners.assertCatalogAdmin();
    await this.deleteJob.execute({ jobId: id, kind: 'import' });
  }

  /** admin.catalog.export: a durable job writes the catalog as TMF620 JSON to a file under BSS_HOME (`file:`) or POSTs it to `url`. */
  @Post('exportJob')
  @TmfOperation('createExportJob')
  async postExportJob(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    this.partners.assertCatalogAdmin();
    return created(reply, toCatalogJob(await this.exportCatalog.execute(toExportCatalogInput(objectBody(body)))));
  }

  @Get('exportJob')
  @TmfOperation('listExportJob')
  async listExportJobs(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    this.partners.assertCatalogAdmin();
    return tmfList(reply, (await this.jobs.list('export')).map(toCatalogJob), query);
  }

  @Get('exportJob/:id')
  @TmfOperation('retrieveExportJob')
  async getExportJob(@Param('id') id: string, @Query() query: TmfQuery) {
    this.partners.assertCatalogAdmin();
    return selectFields(toCatalogJob(await this.jobs.get('export', id)), query);
  }

  @Delete('exportJob/:id')
  @TmfOperation('deleteExportJob')
  @HttpCode(204)
  async removeExportJob(@Param('id') id: string): Promise<void> {
    this.partners.assertCatalogAdmin();
    await this.deleteJob.execute({ jobId: id, kind: 'export' });
  }

  /** Catalogs name their categories by name too. */
  private async renderCatalogs(catalogs: readonly CatalogView[]) {
    const names = new Map((await this.catalog.listCategories()).map((c) => [c.id, c.name]));
    return catalogs.map((c) => toCatalog(c, names));
  }

  /** Categories name the offerings they list by name too (the sellable ones; others by id only). */
  private async renderCategories(categories: readonly CategoryView[]) {
    const names = new Map((await this.offerings.offerings()).map((o) => [o.id, o.name as string]));
    return categories.map((c) => toCategory(c, names));
  }
}
