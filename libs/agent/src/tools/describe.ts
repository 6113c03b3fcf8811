import type { JsonSchemaObject } from './input-schema';

export interface DescriptionParts {
  summary: string;
  returns: string;
  errors?: string;
  destructive?: boolean;
}

const COMMON_ERRORS = 'INVALID_INPUT naming each bad field; NOT_FOUND for an unknown id';

/**
 * A tool description a model can act on: what it does, its arguments (read from the schema, so
 * they never drift from the input class), what it returns and how it fails.
 */
export function describeTool(parts: DescriptionParts, schema: JsonSchemaObject): string {
  const required = new Set(schema.required ?? []);
  const args = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const enumValues = Array.isArray(property.enum) ? ` one of ${property.enum.join('|')}` : '';
    return `${name}${required.has(name) ? '' : '?'}${enumValues}`;
  });
  const summary = parts.summary.trim().replace(/\.?$/, '.');
  return [
    summary,
    `Args: ${args.length ? args.join(', ') : 'none'}.`,
    `Returns: ${parts.returns}.`,
    `Errors: ${parts.errors ? `${parts.errors}; ` : ''}${COMMON_ERRORS}.`,
    ...(parts.destructive ? ['Destructive: only on an explicit request; it is blocked until the operator confirms.'] : []),
  ].join(' ');
}
