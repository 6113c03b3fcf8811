import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { Database } from '@bss/platform';
import { CHAT_FRAME_CHANNEL, isFinalFrame, type ChatFrame } from '#chat/domain/chat-frame';
import { ChatQueries } from './chat.queries';

/** If a NOTIFY is ever lost (a reconnect), the stream re-reads the table after this long. */
const RECHECK_MS = 10_000;

/**
 * A turn's frames as they are written, from any process: one LISTEN connection per process fans
 * the `chat_frame` notifications out to the open streams, and each stream reads its new frames
 * from the table. A browser that reconnects replays from the start; nothing lives only in memory.
 */
@Injectable()
export class ChatFrameStream implements OnModuleDestroy {
  private listener: Promise<Client> | null = null;
  private readonly waiting = new Map<string, Set<() => void>>();

  constructor(
    private readonly db: Database,
    private readonly queries: ChatQueries,
  ) {}

  /** Frames after `afterSeq` until (and including) the turn's final status frame. */
  async *frames(turnId: string, afterSeq = 0): AsyncGenerator<ChatFrame> {
    let wake: () => void = () => undefined;
    let woken = false;
    const signal = () => {
      woken = true;
      wake();
    };
    await this.subscribe(turnId, signal);
    try {
      let seq = afterSeq;
      for (;;) {
        woken = false;
        for (const frame of await this.queries.frames(turnId, seq)) {
          yield frame;
          seq = frame.seq;
          if (isFinalFrame(frame)) return;
        }
        if (!woken) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, RECHECK_MS);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      }
    } finally {
      this.waiting.get(turnId)?.delete(signal);
      if (this.waiting.get(turnId)?.size === 0) this.waiting.delete(turnId);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    if (listener) await (await listener.catch(() => null))?.end().catch(() => undefined);
  }

  private async subscribe(turnId: string, signal: () => void): Promise<void> {
    const set = this.waiting.get(turnId) ?? new Set();
    set.add(signal);
    this.waiting.set(turnId, set);
    await this.connect();
  }

  private connect(): Promise<Client> {
    this.listener ??= (async () => {
      const client = new Client({ connectionString: (this.db.dataSource.options as { url?: string }).url, application_name: 'bss-chat-listen' });
      client.on('notification', (message) => {
        for (const signal of this.waiting.get(message.payload ?? '') ?? []) signal();
      });
      client.on('error', () => {
        // A dropped listener is rebuilt on the next stream; open streams fall back to re-reading.
        this.listener = null;
      });
      await client.connect();
      await client.query(`listen ${CHAT_FRAME_CHANNEL}`);
      return client;
    })();
    return this.listener;
  }
}
