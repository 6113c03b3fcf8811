import type { Type } from '@nestjs/common';
import { registeredContexts } from '@bss/platform';

/**
 * Every bounded context the CLI can link, loaded only when asked for. Importing `@bss/core`
 * (every context, ~0.9 s) just to list plans made each `bss` call slow; instead a verb links the
 * contexts its own imports already loaded (each context module registers itself, see
 * `defineContext`, and imports the contexts it depends on), and only verbs that work across all
 * of them (seed, reset, the agent) load the lot.
 */
const CONTEXT_MODULES: Readonly<Record<string, () => Type<unknown>>> = {
  catalog: () => (require('@bss/catalog') as typeof import('@bss/catalog')).CatalogModule,
  crm: () => (require('@bss/crm') as typeof import('@bss/crm')).CrmModule,
  inventory: () => (require('@bss/inventory') as typeof import('@bss/inventory')).InventoryModule,
  payment: () => (require('@bss/payment') as typeof import('@bss/payment')).PaymentModule,
  subscription: () => (require('@bss/subscription') as typeof import('@bss/subscription')).SubscriptionModule,
  orders: () => (require('@bss/orders') as typeof import('@bss/orders')).OrdersModule,
  promos: () => (require('@bss/promos') as typeof import('@bss/promos')).PromosModule,
  notifications: () => (require('@bss/notifications') as typeof import('@bss/notifications')).NotificationsModule,
  identity: () => (require('@bss/identity') as typeof import('@bss/identity')).IdentityModule,
  signup: () => (require('@bss/signup') as typeof import('@bss/signup')).SignupModule,
  // Outside the core: the operator conversations and the handbook index (the REPL, the knowledge verbs).
  conversation: () => (require('@bss/conversation') as typeof import('@bss/conversation')).ConversationModule,
  knowledge: () => (require('@bss/knowledge') as typeof import('@bss/knowledge')).KnowledgeModule,
};

/** The contexts above that `@bss/core` does not link: added to the core when a verb loaded them. */
const OUTSIDE_CORE: readonly string[] = ['conversation', 'knowledge'];

/**
 * Command ids (or id prefixes ending in `:`) whose work spans every context: seed and reset walk
 * every registered context, the agent's tools reach all of them, and the demo data and scenarios
 * touch everything.
 */
export const EVERY_CONTEXT_COMMANDS: readonly string[] = ['admin:seed', 'admin:reset', 'admin:demo:', 'scenario:', 'ask', 'agent:', 'repl'];

/**
 * Compared without separators: a command run outside oclif's loader (a spec's `runCli`) gets its
 * lower-cased class name as id (`AdminReset` → `adminreset`).
 */
const bare = (id: string): string => id.replace(/:/g, '').toLowerCase();

export function needsEveryContext(commandId: string | undefined): boolean {
  if (!commandId) return true;
  const id = bare(commandId);
  return EVERY_CONTEXT_COMMANDS.some((entry) => (entry.endsWith(':') ? id.startsWith(bare(entry)) : id === bare(entry)));
}

/**
 * The Nest modules to link: those of the contexts loaded so far, or — for the verbs above, and
 * whenever a loaded context is missing from this table (one added to the core since) — the whole
 * core, exactly as `@bss/core` lists it.
 */
export function contextModules(every: boolean): Type<unknown>[] {
  const loaded = registeredContexts().map((c) => c.name);
  const linked = (names: readonly string[]): Type<unknown>[] =>
    Object.entries(CONTEXT_MODULES)
      .filter(([name]) => names.includes(name))
      .map(([, load]) => load());
  if (every || loaded.some((name) => !(name in CONTEXT_MODULES))) {
    const core = (require('@bss/core') as typeof import('@bss/core')).BSS_CONTEXT_MODULES;
    return [...core, ...linked(loaded.filter((name) => OUTSIDE_CORE.includes(name)))];
  }
  return linked(loaded);
}
