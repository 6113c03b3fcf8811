import { ConfigInvalid, registeredVerbs, type RegisteredVerb } from '@bss/platform';
import { CUSTOMER_TOOLS } from './customer-tools';
import { describeTool } from './describe';
import { inputSchemaOf } from './input-schema';
import { OPERATOR_READ_TOOLS } from './operator-read-tools';
import type { ToolDescriptor } from './tool-descriptor';

/**
 * Hidden from every model (and refused by the executor): usage simulation, every `admin.*` verb
 * (catalog admin, reset, seed, the email outbox that holds login codes, jobs, the renewal tick),
 * verbs with no CLI verb (portal-only funnel steps such as signup and login), and `operator.*`
 * (who may sign in to the cockpit: a model must never grant itself or anyone a cockpit login).
 */
export function isHiddenVerb(verb: Pick<RegisteredVerb, 'name' | 'cliExempt'>): boolean {
  return verb.name === 'usage.simulate' || verb.name.startsWith('admin.') || verb.name.startsWith('operator.') || verb.cliExempt !== undefined;
}

const VERB_ERRORS = 'POLICY_VIOLATION {rule, message} when a business rule refuses (nothing is written)';

/** A write verb of the spine as a tool: its name, its input class's schema, its summary. */
export function verbTool(verb: RegisteredVerb): ToolDescriptor {
  const inputSchema = inputSchemaOf(verb.input);
  const destructive = verb.destructive ?? false;
  return {
    name: verb.name,
    description: describeTool({ summary: verb.summary, returns: 'the changed record as JSON', errors: VERB_ERRORS, destructive }, inputSchema),
    inputSchema,
    input: verb.input,
    destructive,
    hidden: isHiddenVerb(verb),
    audience: 'operator',
    kind: 'write',
    execution: { kind: 'verb', verb: verb.name },
  };
}

const contributed = new Map<string, ToolDescriptor>();

/**
 * Read tools another lib contributes (e.g. `@bss/knowledge`'s `knowledge.search`), registered when
 * that lib is imported — like verbs on the spine — so the agent never imports its contributors.
 * Operator-audience tools join the `operator_cockpit` profile only; the customer list is fixed.
 */
export function registerAgentTools(tools: readonly ToolDescriptor[]): void {
  for (const tool of tools) contributed.set(tool.name, tool);
}

export function contributedAgentTools(): ToolDescriptor[] {
  return [...contributed.values()];
}

/** Every tool by name: the write verbs of the spine, the reads declared here, the customer wrappers. */
export class ToolRegistry {
  private readonly byName = new Map<string, ToolDescriptor>();

  /** Refuses to build (boot fails) when two tools share a name. */
  constructor(tools: readonly ToolDescriptor[]) {
    for (const tool of tools) {
      if (this.byName.has(tool.name)) throw new ConfigInvalid(`tool '${tool.name}' is declared twice`, { tool: tool.name });
      this.byName.set(tool.name, tool);
    }
  }

  /** The registry of this process: every registered verb (imported with its context lib) plus the declared reads. */
  static fromSpine(verbs: readonly RegisteredVerb[] = registeredVerbs(), contributions: readonly ToolDescriptor[] = contributedAgentTools()): ToolRegistry {
    return new ToolRegistry([...verbs.map(verbTool), ...OPERATOR_READ_TOOLS, ...CUSTOMER_TOOLS, ...contributions]);
  }

  get(name: string): ToolDescriptor | undefined {
    return this.byName.get(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Sorted by name. */
  all(): ToolDescriptor[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
