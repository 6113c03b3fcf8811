import { ChatOpenAI } from '@langchain/openai';
import { ConfigInvalid } from '@bss/platform';
import type { ChatModelHandle, ToolNameCodec } from '#agent/ports/chat-model.port';

export const DEFAULT_LLM_BASE_URL = 'https://openrouter.ai/api/v1';
export const DEFAULT_LLM_MODEL = 'deepseek/deepseek-v4-pro';

/** OpenAI function names allow `[a-zA-Z0-9_-]` only: `case.close` travels as `case__close`. */
export const OPENAI_TOOL_NAMES: ToolNameCodec = {
  encode: (name) => name.replace(/\./g, '__'),
  decode: (wireName) => wireName.replace(/__/g, '.'),
};

function positiveInt(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigInvalid(`${key} must be a non-negative integer, got "${raw}"`, { key });
  return value;
}

/**
 * Any OpenAI-compatible chat endpoint (OpenRouter, OpenAI, a local Ollama or llama.cpp server):
 * `BSS_LLM_BASE_URL`, `BSS_LLM_API_KEY`, `BSS_LLM_MODEL`, `BSS_LLM_MAX_TOKENS`,
 * `BSS_LLM_TIMEOUT_MS`, `BSS_LLM_MAX_RETRIES`. The turn loop streams, so tool calls arrive as SSE chunks.
 */
export function createOpenAiModel(env: NodeJS.ProcessEnv): ChatModelHandle {
  const apiKey = env.BSS_LLM_API_KEY?.trim();
  if (!apiKey) throw new ConfigInvalid('BSS_LLM_PROVIDER=openai needs BSS_LLM_API_KEY (any non-empty value for a local server)', {});
  const modelName = env.BSS_LLM_MODEL?.trim() || DEFAULT_LLM_MODEL;
  const headers: Record<string, string> = {};
  if (env.BSS_LLM_HTTP_REFERER) headers['HTTP-Referer'] = env.BSS_LLM_HTTP_REFERER;
  if (env.BSS_LLM_APP_NAME) headers['X-Title'] = env.BSS_LLM_APP_NAME;
  const timeoutMs = positiveInt(env, 'BSS_LLM_TIMEOUT_MS', 60_000);
  const model = new ChatOpenAI({
    model: modelName,
    apiKey,
    configuration: { baseURL: env.BSS_LLM_BASE_URL?.trim() || DEFAULT_LLM_BASE_URL, defaultHeaders: headers },
    maxTokens: positiveInt(env, 'BSS_LLM_MAX_TOKENS', 2048),
    // The turn loop's own deadline fires first and names the timeout; this one only backs it up.
    timeout: timeoutMs + 1000,
    maxRetries: positiveInt(env, 'BSS_LLM_MAX_RETRIES', 2),
    temperature: 0,
    streamUsage: true,
  });
  return { provider: 'openai', modelName, model, toolNames: OPENAI_TOOL_NAMES, timeoutMs };
}
