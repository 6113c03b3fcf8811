import type { ClassConstructor } from 'class-transformer';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';

export type JsonSchemaObject = {
  type?: string | string[];
  properties?: Record<string, JsonSchemaObject>;
  required?: string[];
  [keyword: string]: unknown;
};

const REF_PREFIX = '#/definitions/';

/** `^CUST-[0-9a-f]{8}$` → `CUST-`: a pattern that starts with a literal id prefix. */
const ID_PREFIX = /^\^(?:\(\?:)?([A-Z]{2,6}[-_])/;

/** Property names that carry a non-prefixed identifier of something that already exists. */
const EXISTING_IDENTIFIER = /^(msisdn|iccid|offeringId|vasOfferingId|promotionId|priceId)$/;

/**
 * The JSON schema of a class-validator input class (one definition for HTTP, CLI and tools),
 * with the hints a model needs: ids name their prefix and carry "never invent an id", no
 * property beyond the declared ones is accepted.
 */
export function inputSchemaOf(input: ClassConstructor<object>): JsonSchemaObject {
  const schema = targetConstructorToSchema(input, { refPointerPrefix: REF_PREFIX }) as JsonSchemaObject;
  const definitions = referencedDefinitions(schema);
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, withIdHint(name, property)]));
  return {
    type: 'object',
    properties,
    ...(schema.required?.length ? { required: [...schema.required] } : {}),
    additionalProperties: false,
    ...(Object.keys(definitions).length ? { definitions } : {}),
  };
}

function withIdHint(name: string, property: JsonSchemaObject): JsonSchemaObject {
  const pattern = typeof property.pattern === 'string' ? property.pattern : undefined;
  const prefix = pattern ? ID_PREFIX.exec(pattern)?.[1] : undefined;
  if (prefix) {
    return { ...property, description: `${prefix}… id (pattern ${pattern}); never invent an id: use one the user gave or a tool returned` };
  }
  if (EXISTING_IDENTIFIER.test(name)) {
    return { ...property, description: `an existing ${name}${pattern ? ` (pattern ${pattern})` : ''}; never invent it: use one the user gave or a tool returned` };
  }
  return property;
}

/** Nested input classes (`@ValidateNested @Type`) come back as `$ref`s; carry their definitions along. */
function referencedDefinitions(schema: JsonSchemaObject): Record<string, JsonSchemaObject> {
  if (!JSON.stringify(schema).includes('"$ref"')) return {};
  const all = validationMetadatasToSchemas({ refPointerPrefix: REF_PREFIX }) as Record<string, JsonSchemaObject>;
  const found: Record<string, JsonSchemaObject> = {};
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
        const name = value.slice(REF_PREFIX.length);
        if (!found[name] && all[name]) {
          found[name] = all[name];
          visit(all[name]);
        }
      } else {
        visit(value);
      }
    }
  };
  visit(schema);
  return found;
}
