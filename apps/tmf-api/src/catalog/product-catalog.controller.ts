import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CatalogQueries } from '@bss/catalog';
import { selectFields, tmfList, type TmfQuery } from '../tmf/tmf-list';
import { TMF_BASE } from '../tmf/tmf-paths';
import { ProductOfferingCache } from './product-offering.cache';
import { toProductOffering, toProductOfferingPrice } from './product-offering.mapper';

/** TMF620 Product Catalog Management (reads): what a partner may sell now. */
@Controller(TMF_BASE.productCatalog)
export class ProductCatalogController {
  constructor(
    private readonly catalog: CatalogQueries,
    private readonly offerings: ProductOfferingCache,
  ) {}

  @Get('productOffering')
  async listOfferings(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return tmfList(reply, await this.offerings.offerings(), query);
  }

  @Get('productOffering/:id')
  async getOffering(@Param('id') id: string, @Query() query: TmfQuery) {
    return selectFields(toProductOffering(await this.catalog.getOffering(id)), query);
  }

  @Get('productOfferingPrice/:id')
  async getPrice(@Param('id') id: string, @Query() query: TmfQuery) {
    return selectFields(toProductOfferingPrice(await this.catalog.priceById(id)), query);
  }
}
