/** The three SSE events of a turn (portals spec §5): status, one pill per tool call, the reply. */
export type ChatFrameKind = 'status' | 'tool' | 'message';
export type ChatStatus = 'live' | 'done' | 'error';

export type ChatFrameData =
  | { status: ChatStatus }
  | { callId: string; label: string; ok: boolean | null }
  /** `interrupted`: the process running the turn died; the sweeper wrote this instead of a reply. */
  | { text: string; confirm?: { summary: string }; interrupted?: true };

export interface ChatFrame {
  turnId: string;
  seq: number;
  kind: ChatFrameKind;
  data: ChatFrameData;
}

/** The last frame of every turn: a `status` of done or error. */
export function isFinalFrame(frame: Pick<ChatFrame, 'kind' | 'data'>): boolean {
  return frame.kind === 'status' && (frame.data as { status: ChatStatus }).status !== 'live';
}

/** The NOTIFY channel a frame insert signals on (payload: the turn id); every stream LISTENs on it. */
export const CHAT_FRAME_CHANNEL = 'chat_frame';
