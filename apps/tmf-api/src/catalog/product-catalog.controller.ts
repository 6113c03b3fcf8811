import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AddOfferingCommand, CatalogQueries, SetPriceCommand, WindowOfferingCommand } from '@bss/catalog';
import { Clock, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { PartnerEntitlements } from '@bss/tmf';
import { created, objectBody, selectFields, tmfList, type TmfQuery, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { ProductOfferingCache } from './product-offering.cache';
import { queryKeyOf, sendRenderedList } from './product-offering.fast-path';
import {
  MOBILE_CATALOG_ID,
  PLANS_CATEGORY_ID,
  toAddOfferingInput,
  toCatalog,
  toCategory,
  toProductOffering,
  toProductOfferingPrice,
  toProductSpecifications,
  toSetPriceInput,
  toWindowOfferingInput,
} from './product-offering.mapper';

/**
 * TMF620 Product Catalog Management: what a partner may sell now; offering and price writes map onto
 * the catalog admin commands, for identities named in `BSS_TMF_CATALOG_ADMINS` only (403 otherwise).
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
    return selectFields(toProductOffering(await this.catalog.getOffering(id)), query);
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

  @Get('productSpecification')
  @TmfOperation('listProductSpecification')
  async listSpecifications(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return tmfList(reply, toProductSpecifications(await this.offerings.offerings()), query);
  }

  @Get('productSpecification/:id')
  @TmfOperation('retrieveProductSpecification')
  async getSpecification(@Param('id') id: string, @Query() query: TmfQuery) {
    const spec = toProductSpecifications(await this.offerings.offerings()).find((s) => s.id === id);
    if (!spec) throw new NotFound('product_specification', id);
    return selectFields(spec, query);
  }

  @Get('catalog')
  @TmfOperation('listCatalog')
  async listCatalogs(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return tmfList(reply, [toCatalog()], query);
  }

  @Get('catalog/:id')
  @TmfOperation('retrieveCatalog')
  async getCatalog(@Param('id') id: string, @Query() query: TmfQuery) {
    if (id !== MOBILE_CATALOG_ID) throw new NotFound('catalog', id);
    return selectFields(toCatalog(), query);
  }

  @Get('category')
  @TmfOperation('listCategory')
  async listCategories(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return tmfList(reply, [toCategory(await this.offerings.offerings())], query);
  }

  @Get('category/:id')
  @TmfOperation('retrieveCategory')
  async getCategory(@Param('id') id: string, @Query() query: TmfQuery) {
    if (id !== PLANS_CATEGORY_ID) throw new NotFound('category', id);
    return selectFields(toCategory(await this.offerings.offerings()), query);
  }
}
