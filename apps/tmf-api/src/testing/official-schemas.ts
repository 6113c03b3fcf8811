// Spec helper: validates responses against the definitions of the official TMF swaggers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The official documents of the TM Forum static conformance kit's catalogue, kept verbatim. */
export const OFFICIAL_SWAGGER_DIR = join(__dirname, '..', '..', 'official-swagger');

export const OFFICIAL_SWAGGERS = {
  tmf620: 'TMF620_Product_Catalog_Management.admin.swagger.json',
  tmf622: 'TMF622_Product_Ordering_Management.regular.swagger.json',
  tmf632: 'TMF632-Party-v4.0.0.swagger.json',
  tmf641: 'TMF641-Service_Ordering_Management.regular.swagger.json',
  tmf654: 'TMF654-PrepayBalanceManagement_R17_v204.swagger.json',
  tmf677: 'TMF677-UsageConsumption-4.0.0.swagger.json',
} as const;
export type TmfApiName = keyof typeof OFFICIAL_SWAGGERS;

export interface SwaggerDocument {
  basePath: string;
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean; type?: string }[]; responses: Record<string, unknown> }>>;
  definitions: Record<string, unknown>;
}

export function officialSwagger(api: TmfApiName): SwaggerDocument {
  return JSON.parse(readFileSync(join(OFFICIAL_SWAGGER_DIR, OFFICIAL_SWAGGERS[api]), 'utf8')) as SwaggerDocument;
}

function buildAjv(): Ajv {
  // Swagger 2.0 schemas: draft-4 style, vendor formats (int32, float, decimal…) that carry no check.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'float', 'double', 'decimal', 'byte', 'binary', 'password']) ajv.addFormat(format, true);
  for (const api of Object.keys(OFFICIAL_SWAGGERS) as TmfApiName[]) ajv.addSchema({ $id: api, definitions: officialSwagger(api).definitions });
  return ajv;
}

let shared: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Throws with ajv's error list when `value` is not a valid `definition` of the official `api` document. */
export function expectOfficialShape(api: TmfApiName, definition: string, value: unknown): void {
  shared ??= buildAjv();
  const key = `${api}#/definitions/${definition}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = shared.compile({ $ref: key });
    compiled.set(key, validate);
  }
  if (!validate(value)) throw new Error(`${key} rejected the response:\n${JSON.stringify(validate.errors, null, 2)}\n${JSON.stringify(value, null, 2)}`);
}
