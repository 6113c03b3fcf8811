import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { SessionTurnEvent } from '@bss/conversation';
import { LOGGER, type Logger } from '@bss/platform';
import { ViewRenderer } from '@bss/web';
import { COCKPIT_VIEWS_DIR, VIEW_FORMAT } from '#cockpit/http/cockpit-ui';

/** One SSE frame: an event name and one line of HTML (§5: one `event:` line, one single-line `data:`). */
export interface TurnFrame {
  event: 'frame' | 'done';
  html: string;
}

type Listener = (frame: TurnFrame) => void;

/** A turn running detached from any request: its frames so far, and who is watching. */
class RunningTurn {
  readonly frames: TurnFrame[] = [];
  readonly listeners = new Set<Listener>();
  finished = false;

  push(frame: TurnFrame): void {
    this.frames.push(frame);
    for (const listener of this.listeners) listener(frame);
  }
}

/** Newlines as `&#10;`, so an ASCII card stays one `data:` line and still renders line by line in its `<pre>`. */
export function oneLine(html: string): string {
  return html.replace(/\r?\n/g, '&#10;');
}

/**
 * Runs each session's turn detached from the request that started it (§4.1 step 5): the turn
 * persists its rows through the conversation store whether or not anyone is watching, so a
 * dropped connection loses nothing and a re-attached page renders the persisted reply — the
 * model is never run twice for one line. At most one running turn per session.
 */
@Injectable()
export class TurnRunner implements OnModuleDestroy {
  private readonly running = new Map<string, RunningTurn>();
  private readonly tasks = new Set<Promise<void>>();
  private readonly views = new ViewRenderer(COCKPIT_VIEWS_DIR);

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  isRunning(sessionId: string): boolean {
    return this.running.has(sessionId);
  }

  /** Starts consuming `events` in the background; false when the session already has a turn running. */
  start(sessionId: string, events: () => AsyncIterable<SessionTurnEvent>): boolean {
    if (this.running.has(sessionId)) return false;
    const turn = new RunningTurn();
    this.running.set(sessionId, turn);
    const task = (async () => {
      try {
        for await (const event of events()) {
          // A preview that fails to render must not stop the turn: the rows still get persisted.
          const html = this.frameOf(event);
          if (html.trim()) turn.push({ event: 'frame', html: oneLine(html) });
        }
      } catch (error) {
        this.logger.error({ err: error, sessionId }, 'cockpit: detached turn failed');
        turn.push({ event: 'frame', html: oneLine(this.frameOf({ type: 'notice', text: `The turn failed: ${(error as Error).message}` })) });
      } finally {
        turn.finished = true;
        this.running.delete(sessionId);
        turn.push({ event: 'done', html: '<div class="bss-reload" hidden></div>' });
        turn.listeners.clear();
      }
    })();
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
    return true;
  }

  private frameOf(event: SessionTurnEvent | { type: 'notice'; text: string }): string {
    try {
      return this.views.render('conversation/_event', { event, fmt: VIEW_FORMAT });
    } catch (error) {
      this.logger.error({ err: error }, 'cockpit: turn frame did not render');
      return '';
    }
  }

  /**
   * Watches a running turn: replays its frames so far, then each new one. Undefined when nothing
   * runs (the caller answers with the reload marker: the reply, if any, is already persisted).
   */
  attach(sessionId: string, listener: Listener): (() => void) | undefined {
    const turn = this.running.get(sessionId);
    if (!turn) return undefined;
    for (const frame of turn.frames) listener(frame);
    turn.listeners.add(listener);
    return () => turn.listeners.delete(listener);
  }

  /** Tests and shutdown: wait until every detached turn has persisted its rows. */
  async settled(): Promise<void> {
    while (this.tasks.size) await Promise.allSettled([...this.tasks]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.settled();
  }
}
