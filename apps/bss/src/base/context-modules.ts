import type { Type } from '@nestjs/common';
import { registeredContexts } from '@bss/platform';

/**
 * Every bounded context the CLI can link, loaded only when asked for. Importing `@bss/core`
 * (every context, ~0.9 s) just to list plans made each `bss` call slow; instead a verb links the
 * contexts its own imports already loaded (each context module registers itself, see
 * `defineContext`, and imports the contexts it depends on), and only verbs that work across all
 * of them (seed, reset, the agent) load the lot.
 */
const CONTEXT_MODULES: Readonly<Record<string, () => Promise<Type<unknown>>>> = {
  catalog: async () => (await import('@bss/catalog')).CatalogModule,
  crm: async () => (await import('@bss/crm')).CrmModule,
  inventory: async () => (await import('@bss/inventory')).InventoryModule,
  payment: async () => (await import('@bss/payment')).PaymentModule,
  subscription: async () => (await import('@bss/subscription')).SubscriptionModule,
  orders: async () => (await import('@bss/orders')).OrdersModule,
  promos: async () => (await import('@bss/promos')).PromosModule,
  notifications: async () => (await import('@bss/notifications')).NotificationsModule,
  identity: async () => (await import('@bss/identity')).IdentityModule,
  signup: async () => (await import('@bss/signup')).SignupModule,
};

/** Command ids (or id prefixes ending in `:`) whose work spans every context: seed and reset walk every registered context; the agent's tools reach all of them. */
export const EVERY_CONTEXT_COMMANDS: readonly string[] = ['admin:seed', 'admin:reset', 'admin:demo:', 'scenario:', 'ask', 'agent:'];

export function needsEveryContext(commandId: string | undefined): boolean {
  if (!commandId) return true;
  return EVERY_CONTEXT_COMMANDS.some((entry) => (entry.endsWith(':') ? commandId.startsWith(entry) : commandId === entry));
}

/** The Nest modules to link: those of the contexts loaded so far, or every context. */
export async function contextModules(every: boolean): Promise<Type<unknown>[]> {
  const loaded = new Set(registeredContexts().map((c) => c.name));
  const names = Object.keys(CONTEXT_MODULES).filter((name) => every || loaded.has(name));
  return Promise.all(names.map((name) => (CONTEXT_MODULES[name] as () => Promise<Type<unknown>>)()));
}
