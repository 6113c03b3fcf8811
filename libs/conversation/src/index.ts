// The operator cockpit's conversation store and session turns, shared by the terminal REPL and the browser cockpit.
export * from './conversation.module';
export * from './conversation.errors';
export { SESSION_STATES, type SessionState } from './domain/session.entity';
export { MESSAGE_ROLES, type MessageRole, type RecordedToolCall } from './domain/message.entity';
export { SESSION_ID_PATTERN, type MessageView, type PendingAction, type SessionSummary, type SessionView } from './domain/session.views';
export { CHROME_PREFIXES, TRANSCRIPT_ELISION, TRANSCRIPT_MAX_CHARS, historyRows, isCockpitChrome, transcriptText } from './domain/transcript';
export { directIntentOf, type DirectIntent } from './domain/direct-intents';
export { NO_CITATION_PREFIX, claimsCitation, describeCall, guardCitation, knowledgeCalled, proposalText } from './domain/reply-guards';
export { ConversationStore, type OpenSessionInput } from './commands/conversation.store';
export { SessionTurnService, cockpitPrompt, errorLine, type ConfirmInput, type DirectInput, type SessionTurnInput, type ToolResultRenderer } from './turn/session-turn.service';
export { ASSISTANT_KINDS, type AssistantKind, type SessionTurnEvent } from './turn/session-turn.events';
export { CockpitSettings, parseSettings, DEFAULT_OPERATOR_MD, DEFAULT_SETTINGS_TOML, type CockpitSettingsValues } from './domain/cockpit-settings';
