/** TypeORM 1 refuses `undefined` in find conditions; optional list filters are dropped instead. */
export function compactWhere<T extends object>(where: T): T {
  return Object.fromEntries(Object.entries(where).filter(([, value]) => value !== undefined)) as T;
}
