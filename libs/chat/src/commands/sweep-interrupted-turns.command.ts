import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { UnitOfWork } from '@bss/audit';
import { IsOptional, Matches } from 'class-validator';
import { LOGGER, validateInput, Verb, type Logger } from '@bss/platform';
import { runAsWorker } from '@bss/policies';
import { CHAT_FRAME_CHANNEL } from '#chat/domain/chat-frame';
import { INTERRUPTED_REPLY, TURN_SWEEP_INTERVAL_MS } from '#chat/domain/chat-turn-lease';

/**
 * Ends the turns whose process died: a `running` turn whose lease ran out (no heartbeat for a
 * whole lease) becomes `error` with the interrupted reply, and its stream gets a last message
 * frame saying so and the final `status error` — all in one transaction, so a widget stops
 * spinning and reads "that answer was interrupted, please ask again". The model is never run
 * again: the customer decides whether to ask again.
 *
 * Scheduled on boot and then every 30 s in each process that runs chat turns (ChatModule: the
 * chat-agent service), not as a pg-boss job: the chat-agent runs no job workers, and the process
 * that hosts turns is the one that must clean up after a dead sibling. Replicas may sweep at the
 * same moment: the UPDATE … WHERE status = 'running' takes each turn once, and the runner's own
 * final write is conditional on the same status, so a turn ends exactly once.
 */
export class SweepInterruptedTurnsInput {
  /** End just this turn, whatever its lease (its own process gave up on it); without it, every expired one. */
  @IsOptional() @Matches(/^TRN-[0-9a-f]{8}$/) turnId?: string;
}

@Verb({
  name: 'chat.sweep_interrupted_turns',
  input: SweepInterruptedTurnsInput,
  summary: 'End as interrupted every running chat turn whose lease ran out (its process died)',
  cliExempt: 'runs on boot and every 30 s in each process hosting chat turns (the chat-agent)',
})
@Injectable()
export class SweepInterruptedTurnsCommand implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Marks every running turn whose lease ran out interrupted (or just `turnId`, whatever its
   * lease: its own process gave up on it); returns the ids it ended.
   */
  async execute(input: SweepInterruptedTurnsInput = {}): Promise<string[]> {
    const options = await validateInput(SweepInterruptedTurnsInput, input);
    return runAsWorker('chat_turn_sweeper', () =>
      this.uow.run(async (w) => {
        const swept: SweptTurn[] | [SweptTurn[], number] = await w.tx.query(
          `update chat.turn set status = 'error', reply = $2, finished_at = $1, lease_until = null
           where status = 'running' and (case when $3::text is null then lease_until < $1 else id = $3 end)
           returning id, conversation_id, owner_key, tenant_id`,
          [w.now, INTERRUPTED_REPLY, options.turnId ?? null],
        );
        const rows = rowsOf(swept);
        for (const turn of rows) {
          const [{ seq }] = await w.tx.query(`select coalesce(max(seq), 0)::int as seq from chat.frame where turn_id = $1`, [turn.id]);
          await w.tx.query(
            `with f as (
               insert into chat.frame (turn_id, seq, kind, data, tenant_id)
               values ($1, $2, 'message', $3, $5), ($1, $2 + 1, 'status', $4, $5)
               returning turn_id)
             select pg_notify('${CHAT_FRAME_CHANNEL}', min(turn_id)) from f`,
            [turn.id, seq + 1, JSON.stringify({ text: INTERRUPTED_REPLY, interrupted: true }), JSON.stringify({ status: 'error' }), turn.tenant_id],
          );
          await w.emit({
            eventType: 'chat.turn_interrupted',
            aggregateType: 'chat_conversation',
            aggregateId: turn.conversation_id,
            payload: { turnId: turn.id, ownerKey: turn.owner_key },
          });
        }
        return rows.map((t) => t.id);
      }),
    );
  }

  onApplicationBootstrap(): void {
    void this.sweepSafely();
    this.timer = setInterval(() => void this.sweepSafely(), TURN_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  private async sweepSafely(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = this.execute()
      .then((ids) => ids.length && this.logger.warn({ turns: ids }, 'chat turns interrupted: their process died'))
      .catch((error: unknown) => this.logger.error({ error: (error as Error).message }, 'chat turn sweep failed'))
      .finally(() => (this.sweeping = undefined));
    await this.sweeping;
  }
}

interface SweptTurn {
  id: string;
  conversation_id: string;
  owner_key: string;
  tenant_id: string;
}

/** TypeORM answers an UPDATE … RETURNING on Postgres with `[rows, count]`. */
function rowsOf<R>(result: R[] | [R[], number]): R[] {
  return Array.isArray(result[0]) ? (result[0] as R[]) : (result as R[]);
}
