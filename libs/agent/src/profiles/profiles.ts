import { ConfigInvalid } from '@bss/platform';
import type { ToolRegistry } from '#agent/tools/tool-registry';
import type { ToolDescriptor } from '#agent/tools/tool-descriptor';

export const PROFILE_NAMES = ['operator_cockpit', 'customer_self_serve'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** Exactly what a signed-in customer's chat may call: what their dashboard can do, nothing more. */
export const CUSTOMER_SELF_SERVE_TOOLS = [
  'catalog.list_active_offerings',
  'catalog.get_offering',
  'catalog.list_vas',
  'subscription.list_mine',
  'subscription.get_mine',
  'subscription.get_balance_mine',
  'subscription.get_lpa_mine',
  'usage.history_mine',
  'customer.get_mine',
  'payment.method_list_mine',
  'payment.charge_history_mine',
  'vas.purchase_for_me',
  'subscription.schedule_plan_change_mine',
  'subscription.cancel_pending_plan_change_mine',
  'subscription.terminate_mine',
  'case.open_for_me',
  'case.list_for_me',
] as const;

export type Profiles = Record<ProfileName, readonly string[]>;

/** A customer wrapper: bound to the signed-in customer, so never an operator tool. */
export const isCustomerWrapper = (name: string): boolean => /(_mine|_for_me)$/.test(name);

/** A parameter that would let a model pick whose data a wrapper touches. */
const CUSTOMER_SELECTOR = /^(customer_?id|customer_?email|email|msisdn)$/i;

/** The operator sees every visible operator tool; the customer sees the fixed list above. */
export function buildProfiles(registry: ToolRegistry): Profiles {
  return {
    operator_cockpit: registry
      .all()
      .filter((t) => !t.hidden && t.audience === 'operator')
      .map((t) => t.name),
    customer_self_serve: [...CUSTOMER_SELF_SERVE_TOOLS],
  };
}

/**
 * The boot self-check: refuses to start when a profile and the registry drift apart — a profile
 * naming an unregistered or hidden tool, a wrapper that takes a customer id / email / MSISDN, the
 * cockpit offering a customer wrapper.
 */
export function assertProfilesConsistent(registry: ToolRegistry, profiles: Profiles): void {
  const problems: string[] = [];
  for (const [profile, names] of Object.entries(profiles)) {
    for (const name of names) {
      const tool = registry.get(name);
      if (!tool) problems.push(`profile ${profile} names unregistered tool ${name}`);
      else if (tool.hidden) problems.push(`profile ${profile} names hidden tool ${name}`);
    }
  }
  for (const tool of registry.all().filter((t) => isCustomerWrapper(t.name) || t.audience === 'customer')) {
    const selectors = Object.keys(tool.inputSchema.properties ?? {}).filter((p) => CUSTOMER_SELECTOR.test(p));
    if (selectors.length) problems.push(`customer tool ${tool.name} takes ${selectors.join(', ')}; the customer comes from the auth context`);
  }
  for (const tool of registry.all()) {
    for (const verb of tool.delegatesTo ?? []) {
      const target = registry.get(verb);
      if (!target || target.execution.kind !== 'verb') problems.push(`tool ${tool.name} runs unregistered verb ${verb}`);
    }
  }
  for (const name of profiles.operator_cockpit) {
    const tool = registry.get(name);
    if (isCustomerWrapper(name) || tool?.audience === 'customer') problems.push(`profile operator_cockpit lists customer wrapper ${name}`);
  }
  if (problems.length) throw new ConfigInvalid(`agent tool profiles drifted: ${problems.join('; ')}`, { problems });
}

/** The tools a profile offers, resolved against the registry. */
export function profileTools(registry: ToolRegistry, profiles: Profiles, profile: ProfileName): ToolDescriptor[] {
  return profiles[profile].map((name) => registry.get(name)).filter((t): t is ToolDescriptor => t !== undefined);
}
