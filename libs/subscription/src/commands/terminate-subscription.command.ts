import { Inject, Injectable } from '@nestjs/common';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InteractionLog } from '@bss/crm';
import { RetireLineResourcesCommand } from '@bss/inventory';
import { LOGGER, type Logger, validateInput, Verb } from '@bss/platform';
import { SUBSCRIPTION_RULES } from '#subscription/subscription.errors';
import { SUBSCRIPTION_ID_PATTERN } from '#subscription/domain/subscription.ids';
import { SubscriptionEntity } from '#subscription/domain/subscription.entity';
import type { SubscriptionView } from '#subscription/domain/subscription.views';
import { assertTerminable } from '#subscription/policies/subscription.policies';
import { readSubscriptionView } from '#subscription/queries/subscription.queries';
import { applyTransition, lockSubscription, saveSubscription } from './subscription.store';

export const TERMINATION_REASONS = ['customer_requested', 'csr_initiated', 'admin_cleanup', 'ported_out'] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

export class TerminateSubscriptionInput {
  @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'subscriptionId must look like SUB-0001' }) subscriptionId!: string;
  @IsOptional() @IsIn([...TERMINATION_REASONS]) reason?: TerminationReason;
  /** false on port-out: the number has left us and must not go to quarantine. */
  @IsOptional() @IsBoolean() releaseInventory?: boolean;
}

/**
 * Ends a line (active or blocked → terminated): the MSISDN goes to quarantine unless the
 * number left by port-out, the eSIM is recycled. An inventory failure is logged and never
 * blocks the termination (it is isolated in a savepoint so the line still commits).
 */
@Verb({
  name: 'subscription.terminate',
  input: TerminateSubscriptionInput,
  summary: 'End a line: the number goes to quarantine, the eSIM is recycled (destructive)',
  destructive: true,
})
@Injectable()
export class TerminateSubscriptionCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly retire: RetireLineResourcesCommand,
    private readonly interactions: InteractionLog,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(input: TerminateSubscriptionInput): Promise<SubscriptionView> {
    const dto = await validateInput(TerminateSubscriptionInput, input);
    return this.uow.run((w) => this.terminate(w, dto));
  }

  async executeIn(w: WriteScope, input: TerminateSubscriptionInput): Promise<SubscriptionView> {
    return this.terminate(w, await validateInput(TerminateSubscriptionInput, input));
  }

  private async terminate(w: WriteScope, dto: TerminateSubscriptionInput): Promise<SubscriptionView> {
    const reason = dto.reason ?? 'customer_requested';
    const releaseInventory = dto.releaseInventory ?? true;
    const line = await lockSubscription(w, dto.subscriptionId);
    assertTerminable(line);
    const inventoryError = await this.retireResources(w, line, releaseInventory);
    await applyTransition(w, line, 'terminate', reason, SUBSCRIPTION_RULES.terminateInvalidState);
    line.terminatedAt = w.now;
    await saveSubscription(w, line);
    await w.emit({
      eventType: 'subscription.terminated',
      aggregateType: 'subscription',
      aggregateId: line.id,
      payload: {
        subscriptionId: line.id,
        customerId: line.customerId,
        msisdn: line.msisdn,
        iccid: line.iccid,
        terminatedAt: w.now.toISOString(),
        reason,
        releaseInventory,
        ...(inventoryError ? { inventoryError } : {}),
      },
    });
    await this.interactions.record(w, { customerId: line.customerId, summary: `Line ${line.id} (${line.msisdn}) terminated: ${reason}` });
    return readSubscriptionView(w.tx, line, w.now);
  }

  private async retireResources(w: WriteScope, line: SubscriptionEntity, releaseMsisdn: boolean): Promise<string | null> {
    await w.tx.query('savepoint retire_line_resources');
    try {
      await this.retire.executeIn(w, { msisdn: line.msisdn, iccid: line.iccid, releaseMsisdn });
      await w.tx.query('release savepoint retire_line_resources');
      return null;
    } catch (error) {
      await w.tx.query('rollback to savepoint retire_line_resources');
      const message = (error as Error).message;
      this.logger.error({ err: error, subscriptionId: line.id }, 'retiring line resources failed; terminating anyway');
      return message;
    }
  }
}
