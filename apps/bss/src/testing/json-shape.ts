/**
 * The contract of a `--json` result without its volatile values: every key with the type of its
 * value (`string`, `number`, `boolean`, `null`), objects with sorted keys, arrays as the distinct
 * shapes of their elements. A renamed or dropped field changes the shape; a new id or timestamp does not.
 */
export type JsonShape = string | JsonShape[] | { [key: string]: JsonShape };

export function jsonShape(value: unknown): JsonShape {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const shapes = new Map<string, JsonShape>();
    for (const element of value) {
      const shape = jsonShape(element);
      shapes.set(JSON.stringify(shape), shape);
    }
    return [...shapes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, shape]) => shape);
  }
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, jsonShape((value as Record<string, unknown>)[key])]),
    );
  }
  return typeof value;
}
