import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { registeredVerbs } from '@bss/platform';
import { CUSTOMER_SELF_SERVE_TOOLS, assertProfilesConsistent, buildProfiles, type Profiles } from '#agent/profiles/profiles';
import { defineTool, NoInput } from './read-tool';
import { isHiddenVerb, ToolRegistry } from './tool-registry';
import { CustomerIdInput } from './operator-read-tools';

/** The tool-name contract shared with the offline model (prompts/tool-names.md). */
const OPERATOR_READS = [
  'customer.list', 'customer.show', 'customer.find_by_msisdn', 'customer.find_by_email', 'case.list', 'case.show', 'ticket.list', 'ticket.show',
  'order.list', 'order.show', 'order.wait_until', 'subscription.list', 'subscription.show', 'catalog.list', 'catalog.show', 'catalog.vas',
  'payment.list_methods', 'payment.list_attempts', 'port.list', 'port.show', 'promo.list', 'promo.show', 'prov.tasks', 'prov.show', 'prov.faults',
  'inventory.msisdn.list', 'inventory.msisdn.show', 'inventory.msisdn.count', 'inventory.esim.list', 'inventory.esim.show', 'inventory.esim.activation',
  'som.service.list', 'clock.now', 'audit.list', 'trace.for_order',
];
const OPERATOR_WRITES = [
  'customer.create', 'customer.attest_kyc', 'customer.create_organization', 'customer.update_organization', 'customer.close_organization', 'case.open', 'case.note', 'case.transition', 'case.close', 'ticket.open', 'ticket.assign', 'ticket.ack',
  'ticket.start', 'ticket.resolve', 'ticket.close', 'ticket.cancel', 'order.create', 'order.cancel', 'subscription.vas', 'subscription.renew',
  'subscription.adjust_balance', 'subscription.transfer_balance', 'subscription.reserve_balance', 'subscription.release_reservation', 'subscription.deduct_reservation',
  'subscription.terminate', 'subscription.schedule_plan_change', 'subscription.cancel_plan_change', 'payment.add_card', 'payment.set_default',
  'payment.remove_method', 'port.create', 'port.approve', 'port.reject', 'promo.create', 'promo.assign', 'promo.unassign', 'promo.exhaust',
  'prov.fault', 'prov.resolve', 'prov.retry', 'inventory.msisdn.add_range', 'clock.advance', 'clock.freeze', 'clock.unfreeze',
];
const DESTRUCTIVE = ['case.close', 'customer.close_organization', 'ticket.cancel', 'order.cancel', 'subscription.terminate', 'payment.remove_method', 'port.approve', 'prov.fault', 'subscription.terminate_mine'];

describe('tool registry', () => {
  const registry = ToolRegistry.fromSpine();
  const profiles = buildProfiles(registry);

  it('turns every registered write verb into a tool under its spine name', () => {
    const verbs = registeredVerbs().map((v) => v.name);
    expect(verbs.length).toBeGreaterThan(30);
    for (const name of verbs) expect(registry.get(name)?.execution).toEqual({ kind: 'verb', verb: name });
  });

  it('gives every tool a valid JSON Schema (ajv strict compile) of an object that accepts nothing undeclared', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats(ajv);
    for (const tool of registry.all()) {
      expect(() => ajv.compile(tool.inputSchema)).not.toThrow();
      expect(tool.inputSchema).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });

  it('describes every tool in at least 40 characters naming its arguments, result and errors', () => {
    for (const tool of registry.all()) {
      expect(tool.description.length).toBeGreaterThanOrEqual(40);
      expect(tool.description).toMatch(/Args: .*Returns: .*Errors: /);
    }
  });

  it('marks prefixed id parameters with their prefix and "never invent an id"', () => {
    const caseId = registry.get('case.close')!.inputSchema.properties!.caseId;
    expect(caseId.description).toMatch(/^CASE-… id .*never invent an id/);
    const subscriptionId = registry.get('subscription.get_mine')!.inputSchema.properties!.subscriptionId;
    expect(subscriptionId.description).toMatch(/^SUB-… id .*never invent an id/);
  });

  it('keeps every schema and description as reviewed (a changed command input shows up here)', () => {
    const surface = registry.all().map((t) => ({ name: t.name, destructive: t.destructive, hidden: t.hidden, audience: t.audience, description: t.description, inputSchema: t.inputSchema }));
    expect(surface).toMatchSnapshot();
  });

  it('hides usage simulation and every admin verb from every profile', () => {
    const offered = new Set([...profiles.operator_cockpit, ...profiles.customer_self_serve]);
    const hidden = registry.all().filter((t) => t.hidden).map((t) => t.name);
    expect(hidden).toEqual(expect.arrayContaining(['usage.simulate', 'admin.catalog.add_offering', 'admin.catalog.set_price', 'admin.catalog.window_offering', 'admin.catalog.migrate_price']));
    for (const name of hidden) expect(offered.has(name)).toBe(false);
    expect([...offered].filter((n) => n.startsWith('admin.') || n === 'usage.simulate')).toEqual([]);
  });

  it('flags exactly the destructive set of the contract', () => {
    const offered = [...profiles.operator_cockpit, ...profiles.customer_self_serve];
    expect(offered.filter((n) => registry.get(n)!.destructive).sort()).toEqual([...DESTRUCTIVE].sort());
  });

  it('refuses two tools under one name', () => {
    const tool = defineTool({ name: 'x.same', summary: 'A tool used twice to prove the registry refuses it', returns: 'nothing', input: NoInput, run: async () => null });
    expect(() => new ToolRegistry([tool, tool])).toThrow(/declared twice/);
  });
});

describe('profiles', () => {
  const registry = ToolRegistry.fromSpine();
  const profiles = buildProfiles(registry);

  it('operator_cockpit is exactly the contract: the operator reads and writes, no wrapper, nothing hidden', () => {
    expect([...profiles.operator_cockpit].sort()).toEqual([...OPERATOR_READS, ...OPERATOR_WRITES].sort());
  });

  it('customer_self_serve is exactly the 17 tools, and none of promo, port or knowledge', () => {
    expect(profiles.customer_self_serve).toHaveLength(17);
    expect([...profiles.customer_self_serve].sort()).toEqual([...CUSTOMER_SELF_SERVE_TOOLS].sort());
    expect(profiles.customer_self_serve.filter((n) => /^(promo|port|port_request|knowledge)\./.test(n))).toEqual([]);
  });

  it('passes the boot self-check as built', () => {
    expect(() => assertProfilesConsistent(registry, profiles)).not.toThrow();
  });

  describe('boot self-check refuses drift', () => {
    const drift = (change: (p: { operator_cockpit: string[]; customer_self_serve: string[] }) => void, tools = registry): (() => void) => {
      const copy = { operator_cockpit: [...profiles.operator_cockpit], customer_self_serve: [...profiles.customer_self_serve] };
      change(copy);
      return () => assertProfilesConsistent(tools, copy as Profiles);
    };

    it('a profile naming an unregistered tool', () => {
      expect(drift((p) => p.customer_self_serve.push('subscription.teleport_mine'))).toThrow(/names unregistered tool subscription.teleport_mine/);
    });

    it('a profile naming a hidden tool', () => {
      expect(drift((p) => p.operator_cockpit.push('usage.simulate'))).toThrow(/names hidden tool usage.simulate/);
    });

    it('the cockpit listing a customer wrapper', () => {
      expect(drift((p) => p.operator_cockpit.push('subscription.get_mine'))).toThrow(/operator_cockpit lists customer wrapper subscription.get_mine/);
    });

    it('a wrapper taking a customer id', () => {
      const leaky = defineTool({
        name: 'subscription.list_for_customer_mine',
        audience: 'customer',
        summary: 'A wrapper that wrongly lets the model pick the customer',
        returns: 'lines',
        input: CustomerIdInput,
        run: async () => [],
      });
      const tools = new ToolRegistry([...registry.all(), leaky]);
      expect(drift((p) => p.customer_self_serve.push(leaky.name), tools)).toThrow(/subscription.list_for_customer_mine takes customerId/);
    });

    it('a wrapper running a verb that is not registered (a renamed verb)', () => {
      const stale = defineTool({
        name: 'line.rename_mine',
        audience: 'customer',
        kind: 'write',
        delegatesTo: ['subscription.rename'],
        summary: 'A wrapper whose verb was renamed away under it',
        returns: 'the line',
        input: NoInput,
        run: async () => null,
      });
      expect(drift(() => undefined, new ToolRegistry([...registry.all(), stale]))).toThrow(/line.rename_mine runs unregistered verb subscription.rename/);
    });
  });
});

describe('hidden verbs', () => {
  it('operator management (who may sign in to the cockpit) is never offered to a model', () => {
    expect(isHiddenVerb({ name: 'operator.add', cliExempt: undefined })).toBe(true);
    expect(isHiddenVerb({ name: 'operator.disable', cliExempt: undefined })).toBe(true);
    expect(isHiddenVerb({ name: 'case.close', cliExempt: undefined })).toBe(false);
  });
});
