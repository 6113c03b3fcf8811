import type { EntityManager, MixedList, EntitySchema } from 'typeorm';

/**
 * Each bounded context declares itself once (in its `<context>.module.ts`): its TypeORM entities
 * and its idempotent reference-data seed. Importing a context registers it, so every process
 * (apps, CLI, tests) builds its DataSource and seed from exactly the contexts it links.
 */
type EntityClass = Function | EntitySchema;

/** The customers being forgotten, and ids an earlier context resolved from them for later ones. */
export interface ForgetFootprint {
  customerIds: readonly string[];
  /** Their lines: filled by the subscription context, which forgets first; read by orders and inventory. */
  subscriptionIds: string[];
}

export interface ContextDefinition {
  name: string;
  entities: EntityClass[];
  /** Lower runs first; contexts that reference others' seed rows run later. */
  seedOrder?: number;
  seed?: (tx: EntityManager, log: (line: string) => void) => Promise<void>;
  /** Deletes operational rows for `bss admin reset` (reference data and audit survive). */
  resetOrder?: number;
  reset?: (tx: EntityManager) => Promise<void>;
  /**
   * Deletes this context's operational rows that hang off the given customers (`bss admin demo
   * reset`); returns what it removed, by noun. Each context knows only its own tables; lower runs first.
   */
  forgetOrder?: number;
  forgetCustomers?: (tx: EntityManager, footprint: ForgetFootprint) => Promise<Record<string, number>>;
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
