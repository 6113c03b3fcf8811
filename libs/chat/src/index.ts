// The customer chat context: conversations bound to their owner, caps, detached turns, SSE frames.
export { ChatModule, ChatReadModule } from './chat.module';
export { CHAT_RULES, type ChatRule } from './chat.errors';
export type { ChatFrame, ChatFrameData, ChatFrameKind, ChatStatus } from './domain/chat-frame';
export { isFinalFrame, CHAT_FRAME_CHANNEL } from './domain/chat-frame';
export { INTERRUPTED_REPLY, TURN_HEARTBEAT_MS, TURN_LEASE_MS, TURN_SWEEP_INTERVAL_MS } from './domain/chat-turn-lease';
export { ANON_KEY, CUSTOMER_KEY, ownerKeyOf, type ChatOwner } from './domain/chat-owner';
export { MAX_MESSAGE_BYTES, assertChatMessageAcceptable } from './policies/chat-message.policies';
export { OWNERSHIP_PATHS, findForeignOwner } from './policies/ownership-trip-wire';
export { claimsEscalation } from './policies/escalation-claim';
export { BROWSE_TOOLS, NEEDS_CONFIRMATION, toolLabel } from './policies/tool-labels';
export { GENERIC_APOLOGY, operatorName, operatorSupportEmail } from './policies/chat-prompts';
export { CAP_ENV, capNotice } from './commands/chat-caps';
export { SendChatMessageCommand, SendChatMessageInput, type ChatTurnStarted } from './commands/send-chat-message.command';
export { ResetChatCommand, ResetChatInput } from './commands/reset-chat.command';
export { SweepInterruptedTurnsCommand } from './commands/sweep-interrupted-turns.command';
export { ChatTurnRunner, OWNERSHIP_VIOLATION, type ConfirmedAction } from './commands/chat-turn-runner';
export { ChatQueries, type ChatConversationView, type ChatTurnView } from './queries/chat.queries';
export { ChatFrameStream } from './queries/chat-frame-stream';
