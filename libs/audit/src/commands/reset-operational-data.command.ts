import { Injectable } from '@nestjs/common';
import { Clock, resetOperationalData, Verb } from '@bss/platform';
import { UnitOfWork } from './unit-of-work';

/** Reset takes no input: it always clears every linked context. */
export class ResetOperationalDataInput {}

export interface ResetOperationalDataResult {
  /** The contexts whose operational rows were deleted, in the order they went. */
  reset: string[];
}

/**
 * `bss admin reset`: every linked context deletes its operational rows in one transaction that
 * also writes the `admin.reset` audit row (reference data and the audit log survive); then the
 * simulated clock goes back to wall time.
 */
@Verb({
  name: 'admin.reset',
  input: ResetOperationalDataInput,
  summary: 'Delete operational data (customers, orders, lines, payments, jobs); reference data and the audit log survive',
  destructive: true,
})
@Injectable()
export class ResetOperationalDataCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<ResetOperationalDataResult> {
    const reset = await this.uow.run(async (w) => {
      const contexts = await resetOperationalData(w.tx);
      await w.emit({ eventType: 'admin.reset', aggregateType: 'system', aggregateId: 'system', payload: { contexts } });
      return contexts;
    });
    await this.clock.reset();
    return { reset };
  }
}
