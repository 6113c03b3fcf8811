import { Controller, Get, type Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicRoute } from '@bss/policies';
import type { HubApi } from '@bss/tmf';
import { TMF_APIS } from './official-contract';
import { TmfOpenApiDocuments } from './openapi-documents';

/** `<basePath>/api-docs`: the API's OpenAPI 3 document, public like any published contract (it holds no data). */
function apiDocsController(api: HubApi): Type<unknown> {
  @ApiExcludeController()
  @Controller(TMF_APIS[api].basePath)
  class ApiDocsController {
    constructor(readonly documents: TmfOpenApiDocuments) {}

    @Get('api-docs')
    @PublicRoute()
    document() {
      return this.documents.document(api);
    }
  }
  Object.defineProperty(ApiDocsController, 'name', { value: `${api[0].toUpperCase()}${api.slice(1)}ApiDocsController` });
  return ApiDocsController;
}

export const API_DOCS_CONTROLLERS: Type<unknown>[] = (Object.keys(TMF_APIS) as HubApi[]).map(apiDocsController);
