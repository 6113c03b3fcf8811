import type { EntityManager, MixedList, EntitySchema } from 'typeorm';

/**
 * Each bounded context declares itself once (in its `<context>.module.ts`): its TypeORM entities
 * and its idempotent reference-data seed. Importing a context registers it, so every process
 * (apps, CLI, tests) builds its DataSource and seed from exactly the contexts it links.
 */
type EntityClass = Function | EntitySchema;

export interface ContextDefinition {
  name: string;
  entities: EntityClass[];
  /** Lower runs first; contexts that reference others' seed rows run later. */
  seedOrder?: number;
  seed?: (tx: EntityManager, log: (line: string) => void) => Promise<void>;
  /** Deletes operational rows for `bss admin reset` (reference data and audit survive). */
  resetOrder?: number;
  reset?: (tx: EntityManager) => Promise<void>;
}

const contexts = new Map<string, ContextDefinition>();

export function defineContext(definition: ContextDefinition): ContextDefinition {
  contexts.set(definition.name, definition);
  return definition;
}

export function registeredContexts(): ContextDefinition[] {
  return [...contexts.values()];
}

export function registeredEntities(): MixedList<EntityClass> {
  return registeredContexts().flatMap((c) => c.entities);
}
