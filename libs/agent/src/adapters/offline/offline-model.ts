import { BaseChatModel, type BaseChatModelCallOptions, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import { convertToOpenAITool } from '@langchain/core/utils/function_calling';
import { messageText, readConversation } from './conversation';
import { decideNextStep, type Decision } from './dialogue-policy';
import { loadIntentClassifier } from './intent-classifier';
import { loadToolPrior, type ToolPrior } from './tool-prior';
import type { BoundTool, JsonSchema } from './tool-arguments';

/** Rough token count (≈4 characters a token) so usage caps count offline requests too; cost stays 0. */
const CHARS_PER_TOKEN = 4;

interface OfflineCallOptions extends BaseChatModelCallOptions {
  tools?: BindToolsInput[];
}

/**
 * The default LLM: a deterministic intent model that runs with no key and no network.
 * It classifies the latest user message with a classifier trained at build time, fills tool
 * arguments from each bound tool's JSON schema, chains listing calls when an id is missing, and
 * composes the reply from the tool results. It only ever calls tools that are bound. A tool prior fitted on the routing
 * corpus may overrule the rules' tool on a fresh request (`tool-prior.ts`); `toolPrior: null` runs the rules alone.
 */
export class OfflineChatModel extends BaseChatModel<OfflineCallOptions> {
  private readonly boundTools: BoundTool[];
  /** undefined: the build's prior; null: none (the rules alone); or a prior trained by the caller (the bench's leave-one-batch-out). */
  private readonly toolPrior: ToolPrior | null | undefined;

  constructor(fields: { tools?: BindToolsInput[]; toolPrior?: ToolPrior | null } = {}) {
    super({});
    this.boundTools = toBoundTools(fields.tools ?? []);
    this.toolPrior = fields.toolPrior;
  }

  static override lc_name(): string {
    return 'OfflineChatModel';
  }

  override _llmType(): string {
    return 'offline';
  }

  override bindTools(tools: BindToolsInput[]): OfflineChatModel {
    return new OfflineChatModel({ tools, toolPrior: this.toolPrior });
  }

  /** The bound tool names, for surfaces that show what the model may call. */
  get toolNames(): string[] {
    return this.boundTools.map((t) => t.name);
  }

  override async _generate(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<ChatResult> {
    const tools = options?.tools?.length ? toBoundTools(options.tools) : this.boundTools;
    const classifier = await loadIntentClassifier();
    const prior = this.toolPrior === undefined ? loadToolPrior() : (this.toolPrior ?? undefined);
    const decision = await decideNextStep(readConversation(messages), tools, classifier, prior);
    const message = toMessage(decision, messages, tools);
    return { generations: [{ text: typeof message.content === 'string' ? message.content : '', message }] };
  }
}

function toMessage(decision: Decision, messages: BaseMessage[], tools: BoundTool[]): AIMessage {
  const promptChars = messages.reduce((n, m) => n + messageText(m).length, 0) + JSON.stringify(tools).length;
  const input_tokens = Math.ceil(promptChars / CHARS_PER_TOKEN);
  if (decision.kind === 'call') {
    const args = JSON.stringify(decision.args);
    const output_tokens = Math.ceil((decision.name.length + args.length) / CHARS_PER_TOKEN);
    return new AIMessage({
      content: '',
      tool_calls: [{ name: decision.name, args: decision.args, id: `offline_${messages.length}_0`, type: 'tool_call' }],
      usage_metadata: { input_tokens, output_tokens, total_tokens: input_tokens + output_tokens },
      response_metadata: { model_name: 'offline', intent: decision.intent },
    });
  }
  const output_tokens = Math.ceil(decision.text.length / CHARS_PER_TOKEN);
  return new AIMessage({
    content: decision.text,
    usage_metadata: { input_tokens, output_tokens, total_tokens: input_tokens + output_tokens },
    response_metadata: { model_name: 'offline', intent: decision.intent },
  });
}

function toBoundTools(tools: BindToolsInput[]): BoundTool[] {
  return tools.map((tool) => {
    const { function: fn } = convertToOpenAITool(tool as Parameters<typeof convertToOpenAITool>[0]);
    return { name: fn.name, description: fn.description ?? '', parameters: (fn.parameters ?? {}) as JsonSchema };
  });
}

export function createOfflineModel(options: { toolPrior?: ToolPrior | null } = {}): BaseChatModel {
  return new OfflineChatModel(options);
}
