import { ConfigInvalid } from '@bss/platform';
import { DOTTED_NAMES, LLM_PROVIDERS, type ChatModelHandle, type LlmProvider } from '#agent/ports/chat-model.port';
import { FixtureChatModel, loadFixtureScript } from './fixture/fixture-model';
import { createOfflineModel } from './offline/offline-model';
import { createOpenAiModel } from './openai/openai-model';

/**
 * `BSS_LLM_PROVIDER` (trimmed, lower-cased). Unset means the offline model, so nothing needs a key
 * or a network — unless `BSS_LLM_FIXTURE_PATH` is set, which (as in the reference) means the fixture.
 */
export function llmProviderOf(env: NodeJS.ProcessEnv): LlmProvider {
  const raw = env.BSS_LLM_PROVIDER?.trim().toLowerCase() || (env.BSS_LLM_FIXTURE_PATH?.trim() ? 'fixture' : 'offline');
  const provider = LLM_PROVIDERS.find((p) => p === raw);
  if (!provider) throw new ConfigInvalid(`BSS_LLM_PROVIDER must be one of ${LLM_PROVIDERS.join(', ')}, got "${env.BSS_LLM_PROVIDER}"`, { provider: raw });
  return provider;
}

/** The model behind the LLM port, chosen by the environment (read per turn, so a fixture swap takes effect at once). */
export function createChatModel(env: NodeJS.ProcessEnv = process.env): ChatModelHandle {
  const provider = llmProviderOf(env);
  switch (provider) {
    case 'offline':
      return { provider, modelName: 'offline', model: createOfflineModel(), toolNames: DOTTED_NAMES };
    case 'openai':
      return createOpenAiModel(env);
    case 'fixture': {
      const path = env.BSS_LLM_FIXTURE_PATH?.trim();
      if (!path) throw new ConfigInvalid('BSS_LLM_PROVIDER=fixture needs BSS_LLM_FIXTURE_PATH', {});
      return { provider, modelName: 'fixture', model: new FixtureChatModel(loadFixtureScript(path)), toolNames: DOTTED_NAMES };
    }
  }
}
