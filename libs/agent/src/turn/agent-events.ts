/** What a turn streams to its surface (REPL, cockpit SSE, customer chat, `bss ask`). */
export type AgentEvent =
  | { type: 'prompt_received'; turnId: string; prompt: string }
  | { type: 'tool_call_started'; callId: string; name: string; args: Record<string, unknown> }
  | {
      type: 'tool_call_completed';
      callId: string;
      name: string;
      /** ≤ 500 chars of the observation, `…` when cut. */
      result: string;
      /** The full result (the view on success, the error observation on failure). */
      resultFull: unknown;
      isError: boolean;
      /** The error code of a failed call (`POLICY_VIOLATION`, `DESTRUCTIVE_OPERATION_BLOCKED`, …). */
      error?: string;
    }
  | { type: 'turn_usage'; promptTokens: number; completionTokens: number; model: string; provider: string }
  | { type: 'final_message'; text: string }
  | { type: 'error'; message: string };

/** Prefix of the error a bail ends a turn with (literal: surfaces and scenarios match on it). */
export const BAILOUT_PREFIX = 'agent_loop_bailout:';
