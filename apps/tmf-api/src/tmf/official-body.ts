import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { HubApi } from '@bss/tmf';
import { InvalidInput } from '@bss/platform';
import { officialSwagger2 } from './official-contract';

/** Swagger 2.0 definitions are draft-4 style with vendor formats (int32, float…) that check nothing. */
function buildAjv(api: HubApi): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'float', 'double', 'decimal', 'byte', 'binary', 'password']) ajv.addFormat(format, true);
  ajv.addSchema({ $id: api, definitions: officialSwagger2(api).definitions });
  return ajv;
}

const validators = new Map<HubApi, Ajv>();
const compiled = new Map<string, ValidateFunction>();

/**
 * A request body checked against a definition of the official document (e.g. an event a partner
 * posts to a listener): a mismatch is a 400 naming each offending path.
 */
export function assertOfficialBody(api: HubApi, definition: string, body: unknown): void {
  const key = `${api}#/definitions/${definition}`;
  let validate = compiled.get(key);
  if (!validate) {
    let ajv = validators.get(api);
    if (!ajv) {
      ajv = buildAjv(api);
      validators.set(api, ajv);
    }
    validate = ajv.compile({ $ref: key });
    compiled.set(key, validate);
  }
  if (!validate(body)) {
    throw new InvalidInput((validate.errors ?? []).map((e) => ({ field: e.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body', messages: [`${e.message ?? 'invalid'} (official ${definition})`] })));
  }
}
