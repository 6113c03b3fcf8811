import type { MessageRole, RecordedToolCall } from './message.entity';
import type { SessionState } from './session.entity';

export interface SessionView {
  id: string;
  actor: string;
  label: string | null;
  customerFocus: string | null;
  subscriptionFocus: string | null;
  allowDestructive: boolean;
  state: SessionState;
  startedAt: string;
  lastActiveAt: string;
  closedAt: string | null;
}

export interface SessionSummary extends SessionView {
  messageCount: number;
}

export interface MessageView {
  id: number;
  sessionId: string;
  role: MessageRole;
  content: string;
  /** Tool rows: the tool that produced the content. */
  toolName: string | null;
  /** Assistant rows: the calls of the turn. Tool rows: `{ args, result }`. */
  toolCalls: RecordedToolCall[] | { args?: Record<string, unknown>; result?: unknown } | null;
  createdAt: string;
}

export interface PendingAction {
  sessionId: string;
  toolName: string;
  args: Record<string, unknown>;
  proposalMessageId: number | null;
  proposedAt: string;
}

/** `SES-20261205-3f9a0c12`: the day the session opened (simulated clock, UTC) and 8 random hex. */
export const SESSION_ID_PATTERN = /^SES-\d{8}-[0-9a-f]{8}$/;
