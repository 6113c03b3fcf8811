import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

const selectLists = new Map<string, string>();

/**
 * The select list of a raw read whose rows come back shaped and typed as the entity:
 * `"c"."customer_id" as "customerId", …`, so the context's `toXView(entity)` maps them unchanged.
 * Hot reads (the cockpit's customer 360 fans out to six of them) skip TypeORM's query builder and
 * hydration, which cost more CPU than the query itself; the pg driver already parses every column
 * type as TypeORM would, except `date` (pg makes it a Date, TypeORM a 'YYYY-MM-DD' string: cast).
 * `prefix` names the properties `<prefix><property>` when two entities share one row.
 */
export function entityColumns(em: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string, prefix = ''): string {
  const metadata = em.connection.getMetadata(entity);
  const key = `${metadata.tablePath}|${alias}|${prefix}`;
  let list = selectLists.get(key);
  if (list === undefined) {
    list = metadata.columns
      .map((column) => {
        const cast = column.type === 'date' ? '::text' : '';
        return `"${alias}"."${column.databaseName}"${cast} as "${prefix}${column.propertyPath}"`;
      })
      .join(', ');
    selectLists.set(key, list);
  }
  return list;
}

/** The `<prefix>…` properties of a raw row, without the prefix (the second entity of a joined row). */
export function prefixedPart<T>(row: Record<string, unknown>, prefix: string): T {
  const part: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) if (name.startsWith(prefix)) part[name.slice(prefix.length)] = value;
  return part as T;
}
