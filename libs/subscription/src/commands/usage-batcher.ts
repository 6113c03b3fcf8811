import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@bss/audit';
import { envInt, PLATFORM_OPTIONS, type PlatformOptions } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { rateUsageBatch, UsageBatchConflict, type PendingUsage, type UsageOutcome } from './rate-usage-batch';

const MAX_BATCH = 250;
/** `BSS_USAGE_RATING_LANES`: concurrent flushes per process (2 measured best on 2 cores; raise with cores). */
export const USAGE_RATING_LANES_ENV = 'BSS_USAGE_RATING_LANES';
const MAX_CONFLICT_RETRIES = 3;

interface Waiting {
  event: PendingUsage;
  resolve(outcome: UsageOutcome): void;
  reject(error: unknown): void;
  retries: number;
}

/**
 * Coalesces this process's concurrent usage events into shared transactions. Alone, an event is
 * flushed at once; under load, events that arrive while a flush runs are rated together in the
 * next one, in arrival order. Each flush lane takes lines no other lane holds, so lanes never
 * queue on each other's row locks, and a line's events stay in order. Every caller gets its own
 * outcome once its batch has committed. Lanes leave at least half the connection pool to everything else.
 */
@Injectable()
export class UsageBatcher {
  private readonly waiting: Waiting[] = [];
  private readonly busyLines = new Set<string>();
  private lanes = 0;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
  ) {}

  submit(event: PendingUsage): Promise<UsageOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject, retries: 0 });
      this.pump();
    });
  }

  private pump(): void {
    const maxLanes = Math.max(1, Math.min(envInt(USAGE_RATING_LANES_ENV, 2), Math.floor((this.platform.poolSize ?? 10) / 2)));
    while (this.lanes < maxLanes) {
      const batch = this.takeBatch();
      if (batch.length === 0) return;
      this.lanes++;
      void this.flush(batch).finally(() => {
        this.lanes--;
        for (const b of batch) this.busyLines.delete(lineKey(b.event));
        this.pump();
      });
    }
  }

  /** The oldest waiting events of one tenant on lines no running flush holds (a line's events keep their order). */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const taken = new Set<string>();
    let tenant: string | undefined;
    for (let i = 0; i < this.waiting.length && batch.length < MAX_BATCH; ) {
      const item = this.waiting[i] as Waiting;
      const key = lineKey(item.event);
      const free = taken.has(key) || !this.busyLines.has(key);
      if (free && (tenant === undefined || item.event.auth.tenant === tenant)) {
        tenant = item.event.auth.tenant;
        taken.add(key);
        this.busyLines.add(key);
        batch.push(...this.waiting.splice(i, 1));
      } else {
        i++;
      }
    }
    return batch;
  }

  private async flush(batch: Waiting[]): Promise<void> {
    const first = batch[0];
    if (!first) return;
    try {
      const outcomes = await runWithAuth(first.event.auth, () => this.uow.run((w) => rateUsageBatch(w, batch.map((b) => b.event))));
      batch.forEach((b, i) => b.resolve(outcomes[i] as UsageOutcome));
    } catch (error) {
      const retry = error instanceof UsageBatchConflict ? batch.filter((b) => b.retries < MAX_CONFLICT_RETRIES) : [];
      for (const b of retry) b.retries++;
      for (const b of batch) if (!retry.includes(b)) b.reject(error);
      this.waiting.unshift(...retry);
    }
  }
}

function lineKey(event: PendingUsage): string {
  return `${event.auth.tenant}:${event.msisdn}`;
}
