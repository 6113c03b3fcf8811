// The agent context: tool registry over the domain verbs, tool profiles, the turn loop and the LLM port.
export { createOfflineModel } from './adapters/offline/offline-model';
