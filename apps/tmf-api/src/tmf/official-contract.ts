import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { convertObj } from 'swagger2openapi';
import type { HubApi } from '@bss/tmf';
import { TMF_BASE } from './tmf-paths';

/** The official documents of the TM Forum static conformance kit's catalogue, kept verbatim in `official-swagger/`. */
export const OFFICIAL_SWAGGER_DIR = join(__dirname, '..', '..', 'official-swagger');

export const TMF_APIS: Record<HubApi, { tmf: string; file: string; basePath: string }> = {
  productCatalog: { tmf: 'tmf620', file: 'TMF620_Product_Catalog_Management.admin.swagger.json', basePath: TMF_BASE.productCatalog },
  productOrdering: { tmf: 'tmf622', file: 'TMF622_Product_Ordering_Management.regular.swagger.json', basePath: TMF_BASE.productOrdering },
  party: { tmf: 'tmf632', file: 'TMF632-Party-v4.0.0.swagger.json', basePath: TMF_BASE.party },
  serviceOrdering: { tmf: 'tmf641', file: 'TMF641-Service_Ordering_Management.regular.swagger.json', basePath: TMF_BASE.serviceOrdering },
  prepayBalance: { tmf: 'tmf654', file: 'TMF654-PrepayBalanceManagement_R17_v204.swagger.json', basePath: TMF_BASE.prepayBalance },
  usageConsumption: { tmf: 'tmf677', file: 'TMF677-UsageConsumption-4.0.0.swagger.json', basePath: TMF_BASE.usageConsumption },
};

export const TMF_API_KEYS = Object.keys(TMF_APIS) as HubApi[];

/** The official Swagger 2.0 document, as published. */
export function officialSwagger2(api: HubApi): Record<string, unknown> {
  return JSON.parse(readFileSync(join(OFFICIAL_SWAGGER_DIR, TMF_APIS[api].file), 'utf8')) as Record<string, unknown>;
}

const converted = new Map<HubApi, Promise<OpenAPIObject>>();

/**
 * The official document as OAS3, converted the way the TM Forum static conformance kit does it
 * (swagger2openapi, patching the small errors some official documents carry). Converted once per process.
 */
export function officialOpenApi(api: HubApi): Promise<OpenAPIObject> {
  let doc = converted.get(api);
  if (!doc) {
    doc = convertObj(officialSwagger2(api) as never, { patch: true, warnOnly: true }).then((result) => result.openapi as unknown as OpenAPIObject);
    converted.set(api, doc);
  }
  return doc;
}
