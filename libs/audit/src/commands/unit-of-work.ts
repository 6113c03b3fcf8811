import { Injectable } from '@nestjs/common';
import { Clock, Database, JobQueue, type EnqueueOptions, type Tx } from '@bss/platform';
import { currentAuth, type AuthContext } from '@bss/policies';
import type { DomainEventInput, DomainEventRecord } from '#audit/domain/domain-event';
import { AuditLog, type AttributedEventInput } from './audit-log';

/** Everything a write needs inside its one transaction. */
export interface WriteScope {
  tx: Tx;
  /** The simulated clock, read once: every timestamp of the write derives from it. */
  now: Date;
  auth: AuthContext;
  /** Appends the audit row (= domain event) in this transaction. */
  emit(event: DomainEventInput): Promise<DomainEventRecord>;
  /** Appends several audit rows in this transaction with one multi-row INSERT, in order. */
  emitMany(events: readonly AttributedEventInput[]): Promise<DomainEventRecord[]>;
  /** Enqueues a follow-up job that exists only if this transaction commits. */
  enqueue(queue: string, data: object, options?: EnqueueOptions): Promise<string | null>;
}

/**
 * Runs one write: load → policies → write → audit rows (+ follow-up jobs), all in one
 * transaction. A thrown PolicyViolation rolls everything back, so nothing is half-written.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly jobs: JobQueue,
  ) {}

  async run<T>(work: (scope: WriteScope) => Promise<T>): Promise<T> {
    const now = await this.clock.now();
    const auth = currentAuth();
    return this.db.transaction((tx) => work(this.scope(tx, now, auth)));
  }

  /** Joins a transaction that is already open (a command called by another command). */
  scopeFor(tx: Tx, now: Date): WriteScope {
    return this.scope(tx, now, currentAuth());
  }

  private scope(tx: Tx, now: Date, auth: AuthContext): WriteScope {
    return {
      tx,
      now,
      auth,
      emit: (event) => this.audit.record(tx, now, event),
      emitMany: (events) => this.audit.recordMany(tx, now, events),
      enqueue: (queue, data, options) => this.jobs.enqueue(tx, queue, data, options),
    };
  }
}
