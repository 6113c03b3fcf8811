/**
 * Layer 3 of the customer chat (spec §5): after every successful tool result, each value at the
 * tool's ownership paths must be the bound customer. Paths are `key`, `a.b` and `[*].key`; an
 * absent path never trips. A customer tool without an entry is checked by a deep walk for any
 * `customerId` that is not the customer's — an unlisted tool must not be a blind spot.
 */
export const OWNERSHIP_PATHS: Readonly<Record<string, readonly string[]>> = {
  'subscription.list_mine': ['[*].customerId'],
  'payment.method_list_mine': ['[*].customerId'],
  'payment.charge_history_mine': ['[*].customerId'],
  'case.list_for_me': ['[*].customerId'],
  'subscription.get_mine': ['customerId'],
  'vas.purchase_for_me': ['subscription.customerId', 'paymentAttempt.customerId'],
  'subscription.schedule_plan_change_mine': ['customerId'],
  'subscription.cancel_pending_plan_change_mine': ['customerId'],
  'subscription.terminate_mine': ['customerId'],
  'case.open_for_me': ['customerId'],
  'customer.get_mine': ['id'],
  'catalog.list_active_offerings': [],
  'catalog.get_offering': [],
  'catalog.list_vas': [],
  'subscription.get_balance_mine': [],
  'subscription.get_lpa_mine': [],
  'usage.history_mine': [],
};

export interface OwnershipTrip {
  path: string;
  found: string;
}

/** The first value at the tool's paths (or, unlisted, any `customerId`) that is not `customerId`; null when all are. */
export function findForeignOwner(tool: string, result: unknown, customerId: string): OwnershipTrip | null {
  const paths = OWNERSHIP_PATHS[tool];
  if (!paths) return deepForeignCustomerId(result, customerId, '');
  for (const path of paths) {
    for (const { at, value } of valuesAt(result, path.split('.'), '')) {
      if (value !== undefined && value !== null && value !== customerId) return { path: at, found: String(value) };
    }
  }
  return null;
}

function valuesAt(value: unknown, steps: string[], at: string): { at: string; value: unknown }[] {
  if (steps.length === 0) return [{ at, value }];
  const [step, ...rest] = steps;
  if (step.startsWith('[*]')) {
    if (!Array.isArray(value)) return [];
    const key = step.slice(3);
    return value.flatMap((item, i) => valuesAt(item, key ? [key, ...rest] : rest, `${at}[${i}]`));
  }
  if (typeof value !== 'object' || value === null || !(step in value)) return [];
  return valuesAt((value as Record<string, unknown>)[step], rest, at ? `${at}.${step}` : step);
}

function deepForeignCustomerId(value: unknown, customerId: string, at: string): OwnershipTrip | null {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const trip = deepForeignCustomerId(item, customerId, `${at}[${i}]`);
      if (trip) return trip;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const here = at ? `${at}.${key}` : key;
    if (key === 'customerId' && typeof item === 'string' && item !== customerId) return { path: here, found: item };
    const trip = deepForeignCustomerId(item, customerId, here);
    if (trip) return trip;
  }
  return null;
}
