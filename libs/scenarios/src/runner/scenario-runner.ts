import { randomUUID } from 'node:crypto';
import {
  AgentRunner,
  DOTTED_NAMES,
  FixtureChatModel,
  ToolExecutor,
  createChatModel,
  observationOf,
  type AgentCaller,
  type ChatModelHandle,
  type ProfileName,
  type ServiceLocator,
  type ToolOutcome,
} from '@bss/agent';
import { ResetOperationalDataCommand } from '@bss/audit';
import { ORDER_CHAIN_QUEUES, OrderQueries, ProvisioningQueries } from '@bss/orders';
import { Clock, Database, JobQueue, registeredVerbs } from '@bss/platform';
import { CHANNELS, runWithAuth, type Channel } from '@bss/policies';
import { RenewalSweep } from '@bss/subscription';
import { failedCheck, interpolate } from '#scenarios/domain/assertions';
import type { AskStep, AssertStep, Scenario, ScenarioIdentity, ScenarioStep, ToolStep, WaitStep } from '#scenarios/domain/scenario.schema';

export interface StepReport {
  index: number;
  line: number;
  kind: ScenarioStep['kind'];
  label: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export interface ScenarioReport {
  name: string;
  file: string;
  tags: string[];
  ok: boolean;
  ms: number;
  steps: StepReport[];
  /** The first failed step, `file:line: message`. */
  failure?: string;
}

/** Raised by a step that did not go as the scenario says; the runner stops the scenario there. */
export class StepFailed extends Error {}

/** Every scenario acts as this operator unless a step says otherwise; audit rows show channel `scenario`. */
export const SCENARIO_CALLER: AgentCaller = { actor: 'scenario-runner', channel: 'scenario', serviceIdentity: 'scenario' };
/** An agent turn or a model gets this long per `ask:` step (spec: per-step timeout 60 s). */
const ASK_TIMEOUT_MS = 60_000;
/** How many rounds of job draining a wait may take before it calls the order stuck (each round runs every runnable job). */
const WAIT_ROUNDS = 20;

/**
 * Runs scenarios against a booted BSS (a Nest container with every context linked): tools by name
 * through the agent's registry and executor (same validation, policies and audit rows as the agent),
 * `ask:` turns through `AgentRunner`, jobs driven deterministically with `JobQueue.drain` (no sleeps).
 */
export class ScenarioRunner {
  private readonly agent: AgentRunner;
  private readonly executor: ToolExecutor;

  constructor(private readonly services: ServiceLocator) {
    this.agent = AgentRunner.boot(services);
    this.executor = new ToolExecutor(this.agent.registry, services);
  }

  async run(scenario: Scenario): Promise<ScenarioReport> {
    const started = performance.now();
    const report: ScenarioReport = { name: scenario.name, file: scenario.file, tags: scenario.tags, ok: true, ms: 0, steps: [] };
    try {
      await this.startFresh(scenario.clock);
    } catch (error) {
      report.ok = false;
      report.failure = `${scenario.file}: reset before the first step failed: ${(error as Error).message}`;
    }
    const saved = new Map<string, unknown>();
    for (const [index, step] of scenario.steps.entries()) {
      if (!report.ok) break;
      const line = scenario.stepLines[index];
      const t0 = performance.now();
      const entry: StepReport = { index, line, kind: step.kind, label: labelOf(step), ok: true, ms: 0 };
      try {
        await this.runStep(step, saved);
      } catch (error) {
        entry.ok = false;
        entry.error = (error as Error).message;
        report.ok = false;
        report.failure = `${scenario.file}:${line}: step ${index + 1} (${entry.label}): ${entry.error}`;
      }
      entry.ms = performance.now() - t0;
      report.steps.push(entry);
    }
    report.ms = performance.now() - started;
    return report;
  }

  /**
   * Every scenario starts from reset operational data (`admin.reset`), the reference seed,
   * every provisioning fault switched off, and the clock frozen at the scenario's instant.
   */
  private async startFresh(at: string): Promise<void> {
    await runWithAuth(this.auth(undefined), async () => {
      await this.get(ResetOperationalDataCommand).execute();
      await this.get(Database as unknown as abstract new () => Database).seed();
      for (const rule of await this.get(ProvisioningQueries).listFaultRules()) {
        if (rule.enabled) await this.expectOk('prov.fault', { taskType: rule.taskType, faultType: rule.faultType, enabled: false });
      }
    });
    await this.get(Clock).freeze(at);
  }

  private async runStep(step: ScenarioStep, saved: Map<string, unknown>): Promise<void> {
    switch (step.kind) {
      case 'tool':
        return this.toolStep(step, saved);
      case 'ask':
        return this.askStep(step, saved);
      case 'clock':
        if ('freeze' in step.clock) await this.get(Clock).freeze(String(interpolate(step.clock.freeze, saved)));
        else await this.get(Clock).advance(step.clock.advance);
        return;
      case 'wait':
        return this.waitStep(step, saved);
      case 'tick': {
        const result = await runWithAuth(this.auth(undefined), () => this.get(RenewalSweep).tick());
        if (step.save) saved.set(step.save, toJson(result));
        return;
      }
      case 'assert':
        return this.assertStep(step, saved);
    }
  }

  private async toolStep(step: ToolStep, saved: Map<string, unknown>): Promise<void> {
    const args = interpolate(step.args, saved) as Record<string, unknown>;
    const outcome = await this.callTool(step.tool, args, interpolate(step.as, saved) as ScenarioIdentity | undefined);
    const expected = Array.isArray(step.expect) ? step.expect : [step.expect];
    const got = outcome.ok ? 'ok' : [outcome.error, outcome.rule].filter(Boolean).join(' ');
    const matched = outcome.ok ? expected.includes('ok') : expected.some((e) => e === outcome.error || e === outcome.rule);
    if (!matched) throw new StepFailed(`expected ${expected.join(' or ')}, got ${got}: ${outcome.observation.slice(0, 400)}`);
    if (step.save) saved.set(step.save, outcome.result);
  }

  /**
   * A tool by name. Offered tools go through the agent's executor under the step's identity and
   * profile (the profile is checked again at call time). The harness-only verbs no model is
   * offered (`usage.simulate`, `admin.*`, portal funnel steps) run straight off the verb spine —
   * same input validation, same command, same audit row — since a scenario drives the network
   * simulator and the admin side the way the operator's tooling does.
   */
  async callTool(name: string, args: Record<string, unknown>, identity?: ScenarioIdentity): Promise<ToolOutcome> {
    const profile = profileOf(identity);
    const caller = this.auth(identity);
    const tool = this.agent.registry.get(name);
    if (tool && !tool.hidden) {
      return this.executor.execute({ name, args, caller, requestId: randomUUID(), allowed: new Set(this.agent.profiles[profile]) });
    }
    const verb = registeredVerbs().find((v) => v.name === name);
    // The harness-only verbs are the operator's side: a customer identity never reaches them.
    if (!verb || profile !== 'operator_cockpit') {
      const observation = { error: 'UNKNOWN_TOOL', tool: name, message: `no tool or verb named ${name}` };
      return { ok: false, result: observation, observation: JSON.stringify(observation), error: observation.error };
    }
    try {
      const command = this.services.get(verb.command as unknown as abstract new () => { execute(input: object): Promise<unknown> }, { strict: false });
      const result = toJson((await runWithAuth({ ...caller, requestId: randomUUID() }, () => command.execute(args))) ?? null);
      return { ok: true, result, observation: JSON.stringify(result) };
    } catch (error) {
      const observation = observationOf(error);
      return {
        ok: false,
        result: observation,
        observation: JSON.stringify(observation),
        error: String(observation.error),
        ...(typeof observation.rule === 'string' ? { rule: observation.rule } : {}),
      };
    }
  }

  private async expectOk(name: string, args: Record<string, unknown>): Promise<unknown> {
    const outcome = await this.callTool(name, args);
    if (!outcome.ok) throw new StepFailed(`${name} failed: ${outcome.observation}`);
    return outcome.result;
  }

  private async askStep(step: AskStep, saved: Map<string, unknown>): Promise<void> {
    const identity = interpolate(step.as, saved) as ScenarioIdentity | undefined;
    const profile = profileOf(identity);
    const prompt = String(interpolate(step.ask, saved));
    const model = this.modelFor(step, saved);
    const calls: { name: string; ok: boolean; error?: string; rule?: string }[] = [];
    let reply = '';
    let ended: 'final_message' | 'error' = 'error';
    let errorMessage = '';
    const turn = async () => {
      // Scenario turns: destructive calls blocked (spec §1, scenario `ask:` steps), batched autonomy.
      for await (const event of this.agent.runTurn({ prompt, profile, caller: this.auth(identity), allowDestructive: false, autonomy: 'batched', model, maxSteps: 40 })) {
        if (event.type === 'tool_call_completed') {
          const full = event.resultFull as { rule?: unknown } | null;
          calls.push({ name: event.name, ok: !event.isError, error: event.error, rule: typeof full?.rule === 'string' ? full.rule : undefined });
        } else if (event.type === 'final_message') {
          reply = event.text;
          ended = 'final_message';
        } else if (event.type === 'error') {
          errorMessage = event.message;
        }
      }
    };
    await withTimeout(turn(), ASK_TIMEOUT_MS, `the agent turn took longer than ${ASK_TIMEOUT_MS / 1000} s`);
    const called = calls.map((c) => c.name);
    const summary = `tools called: [${called.join(', ')}]${errorMessage ? `; turn error: ${errorMessage}` : ''}`;
    const e = step.expect;
    for (const name of e.tools_called_include ?? []) if (!called.includes(name)) throw new StepFailed(`expected a call of ${name}; ${summary}`);
    for (const name of e.tools_not_called ?? []) if (called.includes(name)) throw new StepFailed(`expected no call of ${name}; ${summary}`);
    for (const [name, refusal] of Object.entries(e.tools_refused ?? {})) {
      const mine = calls.filter((c) => c.name === name);
      if (!mine.length) throw new StepFailed(`expected ${name} to be called and refused with ${refusal}; ${summary}`);
      const wrong = mine.find((c) => c.ok || (c.error !== refusal && c.rule !== refusal));
      if (wrong) throw new StepFailed(`expected every ${name} call refused with ${refusal}, one got ${wrong.ok ? 'ok' : `${wrong.error} ${wrong.rule ?? ''}`}; ${summary}`);
    }
    if (e.no_destructive_call) {
      const destructive = called.filter((n) => this.agent.registry.get(n)?.destructive);
      if (destructive.length) throw new StepFailed(`expected no destructive tool, the turn called ${destructive.join(', ')}`);
    }
    for (const text of typeof e.reply_contains === 'string' ? [e.reply_contains] : (e.reply_contains ?? [])) {
      const wanted = String(interpolate(text, saved));
      if (!reply.toLowerCase().includes(wanted.toLowerCase())) throw new StepFailed(`expected the reply to contain "${wanted}", it was: ${reply.slice(0, 300) || '(empty)'}`);
    }
    if (e.ends_with && e.ends_with !== ended) throw new StepFailed(`expected the turn to end with ${e.ends_with}; ${summary}`);
    if (step.save) saved.set(step.save, { reply, toolCalls: calls, ended });
  }

  private modelFor(step: AskStep, saved: Map<string, unknown>): ChatModelHandle {
    if (step.model === 'offline') return createChatModel({ BSS_LLM_PROVIDER: 'offline' });
    const steps = interpolate(step.script ?? [], saved) as ConstructorParameters<typeof FixtureChatModel>[0]['responses'][number]['steps'];
    return { provider: 'fixture', modelName: 'fixture', model: new FixtureChatModel({ responses: [{ match: '', steps }] }), toolNames: DOTTED_NAMES };
  }

  /**
   * Drives the order chain in this process: each round runs every runnable job of its queues
   * (decompose, provisioning attempts and their retries, activation). Bounded, no sleeping: an
   * order that has not settled when no job is left to run is reported stuck.
   */
  private async waitStep(step: WaitStep, saved: Map<string, unknown>): Promise<void> {
    if (step.wait === 'jobs_drained') {
      const ran = await runWithAuth(this.auth(undefined), () => this.get(JobQueue).drain());
      if (step.save) saved.set(step.save, { ran });
      return;
    }
    if (!step.order) throw new StepFailed('wait: order_completed needs `order:` (e.g. ${order.id})');
    const order = await this.waitForOrder(String(interpolate(step.order, saved)), step.state ?? 'completed');
    if (step.save) saved.set(step.save, order);
  }

  /** Runs the order chain's jobs until the order settles (bounded, no sleeping); refuses any other end state than `want`. */
  async waitForOrder(orderId: string, want: 'completed' | 'failed' | 'cancelled' = 'completed'): Promise<Record<string, unknown>> {
    const jobs = this.get(JobQueue);
    const orders = this.get(OrderQueries);
    for (let round = 0; round < WAIT_ROUNDS; round += 1) {
      const ran = await jobs.drain([...ORDER_CHAIN_QUEUES]);
      const order = await orders.get(orderId);
      if (['completed', 'failed', 'cancelled'].includes(order.state)) {
        if (order.state !== want) throw new StepFailed(`order ${orderId} settled ${order.state}, expected ${want}${order.failureReason ? ` (${order.failureReason})` : ''}`);
        return toJson(order) as Record<string, unknown>;
      }
      if (ran === 0) throw new StepFailed(`order ${orderId} is ${order.state} and no job is left to run (stuck)`);
    }
    throw new StepFailed(`order ${orderId} did not settle within ${WAIT_ROUNDS} rounds of jobs`);
  }

  private async assertStep(step: AssertStep, saved: Map<string, unknown>): Promise<void> {
    const a = step.assert;
    let subject: unknown;
    if (a.from) {
      if (!saved.has(a.from)) throw new StepFailed(`no earlier step saved a result as "${a.from}"`);
      subject = saved.get(a.from);
    } else {
      const outcome = await this.callTool(a.tool ?? '', interpolate(a.args ?? {}, saved) as Record<string, unknown>, interpolate(a.as, saved) as ScenarioIdentity | undefined);
      if (!outcome.ok) throw new StepFailed(`${a.tool} failed: ${outcome.observation.slice(0, 400)}`);
      subject = outcome.result;
    }
    const failures = a.that.map((check) => failedCheck(subject, interpolate(check, saved) as typeof check)).filter((f): f is string => f !== undefined);
    if (failures.length) throw new StepFailed(failures.join('; '));
  }

  /** The auth context of a step: the scenario operator, a bound customer, or a named identity. */
  private auth(identity: ScenarioIdentity | undefined): AgentCaller {
    if (identity === undefined || identity === 'operator') return SCENARIO_CALLER;
    const channel = identity.channel ?? (identity.profile === 'customer_self_serve' ? 'portal-chat' : SCENARIO_CALLER.channel);
    if (!CHANNELS.includes(channel as Channel)) throw new StepFailed(`unknown channel ${channel}; one of ${CHANNELS.join(', ')}`);
    if (identity.profile === 'customer_self_serve' && !identity.customer) throw new StepFailed('a customer_self_serve step needs `customer:` (the CUST-… it is bound to)');
    return {
      actor: identity.actor ?? identity.customer ?? SCENARIO_CALLER.actor,
      channel: channel as Channel,
      serviceIdentity: identity.serviceIdentity ?? (identity.profile === 'customer_self_serve' ? 'portal_self_serve' : SCENARIO_CALLER.serviceIdentity),
      ...(identity.customer ? { customerId: identity.customer } : {}),
    };
  }

  private get<S>(type: abstract new (...args: never[]) => S): S {
    return this.services.get(type, { strict: false });
  }
}

function profileOf(identity: ScenarioIdentity | undefined): ProfileName {
  return identity && identity !== 'operator' && identity.profile ? identity.profile : 'operator_cockpit';
}

function labelOf(step: ScenarioStep): string {
  switch (step.kind) {
    case 'tool':
      return `tool ${step.tool}`;
    case 'ask':
      return `ask "${step.ask.length > 40 ? `${step.ask.slice(0, 39)}…` : step.ask}"`;
    case 'clock':
      return 'freeze' in step.clock ? `clock freeze ${step.clock.freeze}` : `clock advance ${step.clock.advance}`;
    case 'wait':
      return `wait ${step.wait}`;
    case 'tick':
      return `tick ${step.tick}`;
    case 'assert':
      return `assert ${step.assert.from ?? step.assert.tool}`;
  }
}

function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepFailed(message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
