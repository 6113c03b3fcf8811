import type { RecordedToolCall } from '#conversation/domain/message.entity';

/**
 * What one session turn streams to its face: the REPL prints these, the browser cockpit sends
 * them as SSE. Every row the turn persisted is announced with its message id.
 */
export type SessionTurnEvent =
  | { type: 'user_recorded'; messageId: number; text: string }
  /** A staged destructive action this line dropped (only /confirm runs one). */
  | { type: 'pending_dropped'; toolName: string; args: Record<string, unknown> }
  | { type: 'tool_started'; callId: string; name: string; args: Record<string, unknown> }
  | {
      type: 'tool_result';
      callId: string;
      name: string;
      args: Record<string, unknown>;
      ok: boolean;
      error?: string;
      /** The full result (the view, or the error observation). */
      result: unknown;
      /** The ASCII card of the result when the face's renderer has one. */
      rendered: string | null;
      /** The tool row persisted for it (null for a blocked destructive call: nothing ran). */
      messageId: number | null;
    }
  | { type: 'proposal_staged'; toolName: string; args: Record<string, unknown>; messageId: number }
  | { type: 'usage'; model: string; provider: string; promptTokens: number; completionTokens: number }
  /** The assistant row: the reply, a proposal, an executed-action note or an error note. */
  | { type: 'assistant'; messageId: number; text: string; kind: AssistantKind; toolCalls: RecordedToolCall[] }
  /** Nothing ran and nothing was persisted: e.g. /confirm with nothing staged. */
  | { type: 'notice'; text: string };

export const ASSISTANT_KINDS = ['reply', 'proposal', 'executed', 'error'] as const;
export type AssistantKind = (typeof ASSISTANT_KINDS)[number];
