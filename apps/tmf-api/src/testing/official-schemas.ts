// Spec helper: validates responses against the definitions of the official TMF swaggers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { OFFICIAL_SWAGGER_DIR, TMF_APIS } from '#tmf-api/tmf/official-contract';

/** The official documents by TMF number (`tmf620` …), from the one table the app serves them by. */
export const OFFICIAL_SWAGGERS = Object.fromEntries(Object.values(TMF_APIS).map(({ tmf, file }) => [tmf, file])) as Record<'tmf620' | 'tmf622' | 'tmf632' | 'tmf641' | 'tmf654' | 'tmf677', string>;
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
