import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { Conflict, NotFound, randomId, validateInput, Verb } from '@bss/platform';
import { OperatorEntity } from '#identity/domain/operator.entity';
import { OPERATOR_ID_PATTERN, OPERATOR_ROLES, type OperatorRole, type OperatorView } from '#identity/domain/operator.values';
import { normaliseEmail } from '#identity/policies/login.policies';
import { toOperatorView } from '#identity/queries/operator.queries';

export class AddOperatorInput {
  @IsString() @MaxLength(254) @Matches(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, { message: 'email must be an email address' }) email!: string;
  @IsString() @MinLength(1) @MaxLength(120) @Matches(/\S/, { message: 'name must not be blank' }) name!: string;
  @IsOptional() @IsIn(OPERATOR_ROLES) role?: OperatorRole;
}

/** `operator.add`: lets a person sign in to the cockpit with an emailed code (default role agent). */
@Verb({ name: 'operator.add', input: AddOperatorInput, summary: 'Allow a person to sign in to the operator cockpit (role admin or agent)' })
@Injectable()
export class AddOperatorCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: AddOperatorInput): Promise<OperatorView> {
    const dto = await validateInput(AddOperatorInput, { ...input, email: normaliseEmail(input?.email) });
    return this.uow.run(async (w) => {
      const existing = await w.tx.findOne(OperatorEntity, { where: { email: dto.email, tenantId: w.auth.tenant } });
      if (existing) throw new Conflict(`An operator with email ${dto.email} already exists (${existing.id})`, { operatorId: existing.id });
      const operator = w.tx.create(OperatorEntity, {
        id: randomId('OPR'),
        email: dto.email,
        name: dto.name.trim(),
        role: dto.role ?? 'agent',
        status: 'active',
        createdAt: w.now,
        disabledAt: null,
        tenantId: w.auth.tenant,
      });
      await w.tx.save(operator);
      await w.emit({ eventType: 'operator.added', aggregateType: 'operator', aggregateId: operator.id, payload: { email: operator.email, role: operator.role } });
      return toOperatorView(operator);
    });
  }
}

export class DisableOperatorInput {
  @Matches(OPERATOR_ID_PATTERN, { message: 'operatorId must look like OPR-1a2b3c4d' }) operatorId!: string;
}

/**
 * `operator.disable`: the operator can no longer sign in, and every cockpit session they hold
 * stops resolving at once (the session resolver requires an active operator). Idempotent.
 */
@Verb({ name: 'operator.disable', input: DisableOperatorInput, summary: 'Stop an operator signing in to the cockpit; their open sessions end at once' })
@Injectable()
export class DisableOperatorCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: DisableOperatorInput): Promise<OperatorView> {
    const dto = await validateInput(DisableOperatorInput, input);
    return this.uow.run(async (w) => {
      const operator = await w.tx.findOne(OperatorEntity, { where: { id: dto.operatorId, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
      if (!operator) throw new NotFound('operator', dto.operatorId);
      if (operator.status === 'disabled') return toOperatorView(operator);
      operator.status = 'disabled';
      operator.disabledAt = w.now;
      await w.tx.save(operator);
      await w.emit({ eventType: 'operator.disabled', aggregateType: 'operator', aggregateId: operator.id, payload: { email: operator.email } });
      return toOperatorView(operator);
    });
  }
}
