import type { BaseChatModel } from '@langchain/core/language_models/chat_models';

/**
 * The default LLM: a deterministic intent model that runs with no key and no network.
 * Placeholder until the offline model lands; the agent's model factory imports this one name.
 */
export function createOfflineModel(): BaseChatModel {
  throw new Error('offline model not built yet');
}
