import type { BaseChatModel } from '@langchain/core/language_models/chat_models';

export const LLM_PROVIDERS = ['offline', 'openai', 'fixture'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/** How a provider spells tool names on the wire (OpenAI allows no dots in function names). */
export interface ToolNameCodec {
  encode(name: string): string;
  decode(wireName: string): string;
}

export const DOTTED_NAMES: ToolNameCodec = { encode: (name) => name, decode: (name) => name };

/**
 * The LLM port: a LangChain chat model (it takes bound tools and answers an AIMessage with
 * `tool_calls` or text, plus `usage_metadata`) with its identity, recorded on every turn.
 */
export interface ChatModelHandle {
  provider: LlmProvider;
  /** Model identity as recorded in turn usage and the turn's audit row, e.g. `offline`, `gpt-4o-mini`. */
  modelName: string;
  model: BaseChatModel;
  toolNames: ToolNameCodec;
  /** A model call that takes longer ends the turn with an `llm_error: timeout` event. */
  timeoutMs?: number;
}
