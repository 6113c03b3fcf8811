import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { WriteScope } from '@bss/audit';
import { InvalidInput, NotFound } from '@bss/platform';
import { LIFECYCLE_STATUSES } from '#catalog/domain/catalog.types';

// What the catalog/category/specification admin verbs share.

export const LIFECYCLE_MESSAGE = { message: `lifecycleStatus must be one of ${LIFECYCLE_STATUSES.join(', ')}` };

/** Loads and locks one row of the caller's tenant, or NotFound under `entity`. */
export async function lockById<T extends ObjectLiteral>(w: WriteScope, target: EntityTarget<T>, id: string, entity: string): Promise<T> {
  const row = await w.tx.findOne(target, { where: { id, tenantId: w.auth.tenant } as never, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new NotFound(entity, id);
  return row;
}

/** Every id in `ids` names a row of `target` in the caller's tenant; otherwise the input names the unknown ones. */
export async function assertKnownIds<T extends { id: string }>(w: WriteScope, target: EntityTarget<T>, ids: readonly string[], field: string, entity: string): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await w.tx.find(target, { where: { id: In([...ids]), tenantId: w.auth.tenant } as never })).map((r) => r.id));
  const unknown = [...new Set(ids)].filter((id) => !found.has(id));
  if (unknown.length > 0) throw new InvalidInput([{ field, messages: [`unknown ${entity} ${unknown.join(', ')}`] }]);
}
