import { Injectable } from '@nestjs/common';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { InvalidInput, validateInput, Verb } from '@bss/platform';
import { FaultRuleEntity } from '#orders/domain/provisioning-task.entity';
import { FAULT_TYPES, type FaultType } from '#orders/domain/provisioning.types';
import { toFaultRuleView, type FaultRuleView } from '#orders/domain/order.views';
import { assertCanManageFaults, assertFaultRuleFound } from '#orders/policies/provisioning.policies';

export class FaultProvisioningInput {
  /** Any upper-case task type; one without a rule is refused by rule, not by format. */
  @IsString() @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'taskType must be an upper-case task type such as HLR_PROVISION' }) taskType!: string;
  @IsIn([...FAULT_TYPES]) faultType!: FaultType;
  @IsOptional() @IsBoolean() enabled?: boolean;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1) probability?: number;
}

/** Admin: switch a fault-injection rule on or off and/or set its probability (audited with before/after). */
@Verb({
  name: 'prov.fault',
  input: FaultProvisioningInput,
  summary: 'Switch a fault-injection rule of the provisioning simulator on or off',
  destructive: true,
})
@Injectable()
export class FaultProvisioningCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: FaultProvisioningInput): Promise<FaultRuleView> {
    const dto = await validateInput(FaultProvisioningInput, input);
    if (dto.enabled === undefined && dto.probability === undefined) {
      throw new InvalidInput([{ field: 'enabled', messages: ['give enabled and/or probability'] }]);
    }
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: FaultProvisioningInput): Promise<FaultRuleView> {
    assertCanManageFaults(w.auth.roles, w.auth.actor);
    const rule = await w.tx.findOne(FaultRuleEntity, {
      where: { taskType: dto.taskType, faultType: dto.faultType, tenantId: w.auth.tenant },
      lock: { mode: 'pessimistic_write' },
    });
    assertFaultRuleFound(rule, dto.taskType, dto.faultType);
    const before = toFaultRuleView(rule);
    if (dto.enabled !== undefined) rule.enabled = dto.enabled;
    if (dto.probability !== undefined) rule.probability = dto.probability.toFixed(3);
    rule.updatedAt = w.now;
    await w.tx.save(rule);
    const after = toFaultRuleView(rule);
    await w.emit({
      eventType: 'provisioning.fault_injection.updated',
      aggregateType: 'fault_injection',
      aggregateId: rule.id,
      payload: { ruleId: rule.id, taskType: rule.taskType, faultType: rule.faultType, before: { enabled: before.enabled, probability: before.probability }, after: { enabled: after.enabled, probability: after.probability } },
    });
    return after;
  }
}
