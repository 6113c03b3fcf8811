import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CatalogQueries } from '@bss/catalog';
import { NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { selectFields, tmfList, type TmfQuery, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { ProductOfferingCache } from './product-offering.cache';
import { queryKeyOf, sendRenderedList } from './product-offering.fast-path';
import { MOBILE_CATALOG_ID, PLANS_CATEGORY_ID, toCatalog, toCategory, toProductOffering, toProductOfferingPrice, toProductSpecifications } from './product-offering.mapper';

/** TMF620 Product Catalog Management (reads): what a partner may sell now. */
@Controller(TMF_BASE.productCatalog)
export class ProductCatalogController {
  constructor(
    private readonly catalog: CatalogQueries,
    private readonly offerings: ProductOfferingCache,
  ) {}

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
