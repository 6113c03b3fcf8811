import { Args, Flags } from '@oclif/core';
import { ModuleRef } from '@nestjs/core';
import { AgentRunner, PROFILE_NAMES, autonomyFromEnv, createChatModel, type AgentEvent, type DryRunResult, type ProfileName } from '@bss/agent';
import { ConfigInvalid, InvalidInput, UpstreamFailed } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';

export interface AskToolCall {
  name: string;
  args: Record<string, unknown>;
  ok?: boolean;
  /** The observation's error code when the call failed (`DESTRUCTIVE_OPERATION_BLOCKED`, `POLICY_VIOLATION`, …). */
  error?: string;
}

export interface AskResult {
  /** The turn's id: the request id of its writes (`bss trace for-ask <turnId>`). */
  turnId?: string;
  reply: string;
  toolCalls: AskToolCall[];
  model?: string;
  usage?: { promptTokens: number; completionTokens: number };
}

/** Dry runs never reach a command, so they need no database. */
const NO_SERVICES = {
  get(): never {
    throw new Error('a dry run executes nothing');
  },
};

export default class Ask extends BssCommand<AskResult | DryRunResult> {
  static override summary = 'Ask the agent: one operator turn over the same commands as the CLI (destructive calls blocked unless --allow-destructive)';
  static override examples = [
    '<%= config.bin %> ask "list customers"',
    '<%= config.bin %> ask "what is the balance of SUB-0001" --json',
    '<%= config.bin %> ask --dry-run --profile customer_self_serve --as CUST-3f9a0c12 "top up my line" --json',
  ];
  static override args = { request: Args.string({ required: true, description: 'What you want, in your own words' }) };
  static override flags = {
    'allow-destructive': Flags.boolean({ description: 'Let this turn run destructive tools (terminate, close, cancel, …)', default: false }),
    'dry-run': Flags.boolean({ description: "Print the tool calls the model's first step would make, executing nothing", default: false }),
    profile: Flags.string({ description: 'Tool profile (a customer profile only with --dry-run)', options: [...PROFILE_NAMES], default: 'operator_cockpit' }),
    as: Flags.string({ description: 'The customer a customer_self_serve dry run speaks for (CUST-…)' }),
  };

  private calledTools: AskToolCall[] = [];

  protected async execute(): Promise<AskResult | DryRunResult> {
    const { args, flags } = await this.parse(Ask);
    const profile = flags.profile as ProfileName;
    if (profile !== 'operator_cockpit' && !flags['dry-run']) {
      throw new InvalidInput([{ field: 'profile', messages: ['bss ask runs operator turns; another profile only with --dry-run'] }]);
    }
    if (flags.as && profile !== 'customer_self_serve') throw new InvalidInput([{ field: 'as', messages: ['--as goes with --profile customer_self_serve'] }]);
    const model = createChatModel();
    if (flags['dry-run']) return AgentRunner.boot(NO_SERVICES).dryRun({ prompt: args.request, profile, model });

    // bss ask is one operator turn with no /confirm to come: batched unless the environment says otherwise (spec §3.5).
    const autonomy = autonomyFromEnv(process.env, 'batched');
    const runner = AgentRunner.boot(await this.service(ModuleRef));
    const result: AskResult = { turnId: undefined, reply: '', toolCalls: [] };
    const byCall = new Map<string, AskToolCall>();
    for await (const event of runner.runTurn({
      prompt: args.request,
      profile,
      caller: { actor: process.env.BSS_CLI_ACTOR || 'cli-user', channel: 'cli', serviceIdentity: 'operator_cockpit' },
      allowDestructive: flags['allow-destructive'],
      autonomy,
      model,
    })) {
      this.onEvent(event, result, byCall);
    }
    return result;
  }

  private onEvent(event: AgentEvent, result: AskResult, byCall: Map<string, AskToolCall>): void {
    switch (event.type) {
      case 'tool_call_started': {
        const call: AskToolCall = { name: event.name, args: event.args };
        byCall.set(event.callId, call);
        result.toolCalls.push(call);
        this.calledTools = result.toolCalls;
        break;
      }
      case 'tool_call_completed': {
        const call = byCall.get(event.callId);
        if (call) Object.assign(call, { ok: !event.isError }, event.error ? { error: event.error } : {});
        break;
      }
      case 'turn_usage':
        result.model = event.model;
        result.usage = { promptTokens: event.promptTokens, completionTokens: event.completionTokens };
        break;
      case 'final_message':
        result.reply = event.text;
        break;
      case 'error':
        // The reason, plus what already ran: a person must see which writes happened before it stopped.
        for (const line of this.renderCalls(result.toolCalls)) process.stderr.write(`${line}\n`);
        throw event.message.startsWith('llm_unavailable:')
          ? new ConfigInvalid(event.message)
          : new UpstreamFailed('agent', event.message, { toolCalls: result.toolCalls });
      case 'prompt_received':
        result.turnId = event.turnId;
        break;
    }
  }

  protected render(result: AskResult | DryRunResult): string {
    const lines = [result.reply.trim() || '(no reply)'];
    if (result.toolCalls.length) lines.push('', 'Tools called:', ...this.renderCalls(result.toolCalls));
    return lines.join('\n');
  }

  private renderCalls(calls: readonly AskToolCall[]): string[] {
    return calls.map((c) => {
      const mark = c.ok === undefined ? '·' : c.ok ? '✓' : '✗';
      return `  ${mark} ${c.name}(${JSON.stringify(c.args)})${c.error ? ` → ${c.error}` : ''}`;
    });
  }
}
