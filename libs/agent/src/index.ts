// The agent context: tool registry over the domain verbs, tool profiles, the turn loop and the LLM port.
export { AgentModule } from './agent.module';
export { createOfflineModel } from './adapters/offline/offline-model';
export { createChatModel, llmProviderOf } from './adapters/model-factory';
export { FixtureChatModel, loadFixtureScript, FIXTURE_DONE, type FixtureScript } from './adapters/fixture/fixture-model';
export { createOpenAiModel, OPENAI_TOOL_NAMES } from './adapters/openai/openai-model';
export { LLM_PROVIDERS, DOTTED_NAMES, type ChatModelHandle, type LlmProvider, type ToolNameCodec } from './ports/chat-model.port';
export type { ToolDescriptor, ToolAudience, ToolExecution, ToolRuntime, ServiceLocator } from './tools/tool-descriptor';
export type { JsonSchemaObject } from './tools/input-schema';
export { inputSchemaOf } from './tools/input-schema';
export { ToolRegistry, verbTool, isHiddenVerb, registerAgentTools, contributedAgentTools } from './tools/tool-registry';
export { defineTool, NoInput, type ReadToolSpec } from './tools/read-tool';
export { ToolExecutor, OBSERVATION_ERRORS, observationOf, type AgentCaller, type ToolOutcome } from './tools/tool-executor';
export { compactForModel } from './tools/compact-output';
export { CUSTOMER_RULES, ESCALATION_CATEGORIES } from './tools/customer-tools';
export {
  PROFILE_NAMES,
  CUSTOMER_SELF_SERVE_TOOLS,
  buildProfiles,
  assertProfilesConsistent,
  profileTools,
  isCustomerWrapper,
  type ProfileName,
  type Profiles,
} from './profiles/profiles';
export { AgentRunner, BAIL_AFTER, stableJson, type TurnOptions, type DryRunResult, type ToolCallGuard } from './turn/agent-runner';
export { BAILOUT_PREFIX, type AgentEvent } from './turn/agent-events';
export { AUTONOMY_ENV, AUTONOMY_MODES, autonomyFromEnv, type Autonomy } from './turn/autonomy';
export { OPERATOR_SYSTEM_PROMPT, customerSystemPrompt } from './turn/prompts';
