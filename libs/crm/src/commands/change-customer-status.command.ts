import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { validateInput, Verb } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { CRM_RULES } from '#crm/crm.errors';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { CustomerEntity } from '#crm/domain/customer.entity';
import { CUSTOMER_TRANSITIONS, CUSTOMER_TRIGGER_BY_TARGET } from '#crm/domain/customer.state';
import type { CustomerView } from '#crm/domain/customer.view';
import { assertCanLeaveActive } from '#crm/policies/customer.policies';
import { CustomerLinesPort } from '#crm/ports/customer-lines.port';
import { readCustomerView } from '#crm/queries/customer.queries';
import { lockCustomer } from './crm-loaders';
import { InteractionLog } from './interaction-log';

export const CUSTOMER_TARGET_STATUSES = ['active', 'suspended', 'closed'] as const;
export type CustomerTargetStatus = (typeof CUSTOMER_TARGET_STATUSES)[number];

export class ChangeCustomerStatusInput {
  @Matches(ID_PATTERNS.customer) customerId!: string;
  @IsIn(CUSTOMER_TARGET_STATUSES) status!: CustomerTargetStatus;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

@Verb({
  name: 'customer.change_status',
  input: ChangeCustomerStatusInput,
  summary: 'Suspend, reactivate or close a customer',
  cliExempt: 'no operator verb yet: customer status changes come from other flows and tests; the agent tools will expose it',
})
@Injectable()
export class ChangeCustomerStatusCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly interactions: InteractionLog,
    private readonly lines: CustomerLinesPort,
  ) {}

  async execute(input: ChangeCustomerStatusInput): Promise<CustomerView> {
    const dto = await validateInput(ChangeCustomerStatusInput, input);
    return this.uow.run((w) => this.apply(w, dto));
  }

  /** Joins a transaction another command already opened; validates its input like execute. */
  async executeIn(w: WriteScope, input: ChangeCustomerStatusInput): Promise<CustomerView> {
    return this.apply(w, await validateInput(ChangeCustomerStatusInput, input));
  }

  private async apply(w: WriteScope, dto: ChangeCustomerStatusInput): Promise<CustomerView> {
    const customer = await lockCustomer(w, dto.customerId);
    const from = customer.status;
    const trigger = CUSTOMER_TRIGGER_BY_TARGET[dto.status];
    const to = assertTransition(CUSTOMER_TRANSITIONS, from, trigger, CRM_RULES.customerTransition, { type: 'customer', id: customer.id });
    assertCanLeaveActive(customer.id, to, await this.lines.liveLineIds(customer.id));
    const reason = dto.reason?.trim() || null;
    await w.tx.update(CustomerEntity, { id: customer.id }, { status: to, statusReason: reason, updatedAt: w.now });
    await w.emit({
      eventType: 'customer.status_changed',
      aggregateType: 'customer',
      aggregateId: customer.id,
      payload: { customerId: customer.id, fromStatus: from, toStatus: to, trigger, reason },
    });
    await this.interactions.record(w, { customerId: customer.id, summary: `Customer ${trigger}: ${from} → ${to}`, body: reason });
    return readCustomerView(w.tx, w.auth.tenant, customer.id);
  }
}
